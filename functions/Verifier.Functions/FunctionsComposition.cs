using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Verifier.Core.Telemetry;
using Verifier.Http;
using Verifier.Storage;
using Verifier.Storage.Jobs;

namespace Verifier.Functions;

/// <summary>
/// The Functions app's composition root, apart from Program.cs so tests can build exactly what the worker runs
/// (the worker itself needs the Functions host, which cannot run here).
/// </summary>
public static class FunctionsComposition
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// The engine and handlers (settings under "Verifier", validated at start), the blob tier of the document cache
    /// when Verifier:Cache is configured, jobs when Verifier:Jobs is, and telemetry: the worker's OpenTelemetry integration plus the engine's
    /// spans and metrics, exported to Application Insights with Entra ID (the ingestion endpoint accepts no key:
    /// local auth is off in infra/).
    /// </summary>
    public static IServiceCollection AddVerifierFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddVerifierHttp(configuration);
        services.AddVerifierBlobCache(configuration);
        services.AddVerifierJobs(configuration);

        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(t => t.AddSource(VerifierTelemetry.SourceName))
            .WithMetrics(m => m.AddMeter(VerifierTelemetry.SourceName));
        if (!string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]))
        {
            telemetry.UseAzureMonitorExporter(o =>
            {
                o.ConnectionString = configuration[ConnectionStringSetting];
                o.Credential = Credential(configuration);
            });
        }

        return services;
    }

    /// <summary>The user-assigned identity infra/ gives the app (AZURE_CLIENT_ID); a system-assigned one without it.</summary>
    internal static DefaultAzureCredential Credential(IConfiguration configuration) => new(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = string.IsNullOrWhiteSpace(configuration["AZURE_CLIENT_ID"]) ? null : configuration["AZURE_CLIENT_ID"],
    });
}
