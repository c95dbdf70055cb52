using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Verifier.Core.Telemetry;

namespace Verifier.Http;

public static class OtlpTelemetry
{
    /// <summary>The standard OpenTelemetry variable that turns export on for the local host and the CLI.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Exports the engine's spans, metrics and logs over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
    /// exporter reads the other OTEL_* variables itself); nothing otherwise, and never to the console.
    /// </summary>
    public static bool AddVerifierOtlp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrWhiteSpace(configuration[EndpointVariable]))
        {
            return false;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("verifier"))
            .WithTracing(t => t.AddSource(VerifierTelemetry.SourceName).AddOtlpExporter())
            .WithMetrics(m => m.AddMeter(VerifierTelemetry.SourceName).AddOtlpExporter())
            .WithLogging(l => l.AddOtlpExporter());
        return true;
    }
}
