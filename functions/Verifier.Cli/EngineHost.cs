using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Verifier.Core.Engine;
using Verifier.Core.Engine.Settings;
using Verifier.Core.Fetching;
using Verifier.Http;

namespace Verifier.Cli;

/// <summary>
/// The engine with configuration from the environment (Verifier__Fetch__AllowLoopback, Verifier__Contexts__Path, …),
/// validated before anything runs, with the disk tier of the document cache (so a second run works offline) and OTLP
/// export when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
internal static class EngineHost
{
    public static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        var exporting = services.AddVerifierOtlp(configuration);
        services.AddLogging();
        services.AddVerifierDiskCache(configuration);
        services.AddVerifierEngine(configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            provider.ValidateSettingsNow();
        }
        catch
        {
            provider.Dispose();
            throw;
        }

        if (exporting)
        {
            // No generic host starts them here: resolving creates the providers; disposing the container flushes them.
            _ = provider.GetService<TracerProvider>();
            _ = provider.GetService<MeterProvider>();
        }

        return provider;
    }
}
