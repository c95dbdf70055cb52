using System.CommandLine;
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
/// The engine with configuration from an optional settings file (the hosts' appsettings.json layout, e.g. a
/// "Verifier:Registries" list) and the environment (Verifier__Fetch__AllowLoopback, Verifier__Contexts__Path, …),
/// the environment winning; validated before anything runs, with the disk tier of the document cache (so a second
/// run works offline) and OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
internal static class EngineHost
{
    public static ServiceProvider Build(FileInfo? settings = null)
    {
        var builder = new ConfigurationBuilder();
        if (settings is not null)
        {
            builder.AddJsonFile(settings.FullName, optional: false, reloadOnChange: false);
        }

        var configuration = builder.AddEnvironmentVariables().Build();
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

    /// <summary>The --settings option shared by the commands that verify or look up issuers.</summary>
    public static Option<FileInfo> SettingsOption()
    {
        var option = new Option<FileInfo>("--settings")
        {
            Description = "A JSON settings file in the hosts' appsettings.json layout ({\"Verifier\": {…}}), e.g. with Verifier:Registries.",
        };
        option.AcceptExistingOnly();
        return option;
    }
}
