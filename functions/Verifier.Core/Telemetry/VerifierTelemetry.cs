using System.Diagnostics;

namespace Verifier.Core.Telemetry;

/// <summary>
/// The engine's telemetry names. Hosts export them with OpenTelemetry (<c>AddSource</c>/<c>AddMeter</c> of
/// <see cref="SourceName"/>); the engine itself depends on no telemetry SDK. Nothing recorded under these names carries
/// a recipient, a badge's content or a URL's path or query: hosts and outcomes only (docs/telemetry.md).
/// </summary>
public static class VerifierTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string SourceName = "Verifier.Engine";

    /// <summary>One span per verification.</summary>
    public const string VerifySpan = "verifier.verify";

    /// <summary>One span per network fetch (every redirect hop and retry of one URL inside it).</summary>
    public const string FetchSpan = "verifier.fetch";

    /// <summary>One span per batch: a <c>POST /api/verify/batch</c> request, or one job message (a slice of a job).</summary>
    public const string BatchSpan = "verifier.batch";

    public static ActivitySource Source { get; } = new(SourceName, typeof(VerifierTelemetry).Assembly.GetName().Version?.ToString());
}
