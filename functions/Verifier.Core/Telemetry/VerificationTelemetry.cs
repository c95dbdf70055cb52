using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.Reporting;

namespace Verifier.Core.Telemetry;

/// <summary>
/// What one verification leaves behind: the tags of its span, its metrics and one structured log record. Only the
/// family, version, method, outcome and counts — never the recipient, the badge's ids or content, or the input URL
/// (an assertion URL can name its earner).
/// </summary>
public sealed partial class VerificationTelemetry(VerifierMetrics metrics, ILogger<VerificationTelemetry>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public static Activity? Start() => VerifierTelemetry.Source.StartActivity(VerifierTelemetry.VerifySpan, ActivityKind.Internal);

    public void Record(Activity? activity, VerificationReport report, BadgeFamily family, FetchScope scope, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scope);
        var familyName = family.ToString();
        var outcome = Outcome(report.Outcome);
        var method = report.Verification?.Method ?? "none";
        if (activity is not null)
        {
            activity.SetTag("verifier.family", familyName);
            activity.SetTag("verifier.version", report.OpenBadgesVersion);
            activity.SetTag("verifier.method", method);
            activity.SetTag("verifier.outcome", outcome);
            activity.SetTag("verifier.policy", report.Policy);
            activity.SetTag("verifier.input.kind", report.Input.Kind);
            activity.SetTag("verifier.input.format", report.Input.Format);
            activity.SetTag("verifier.errors", report.ErrorCount);
            activity.SetTag("verifier.warnings", report.WarningCount);
            activity.SetTag("verifier.fetches", scope.Started);
            activity.SetTag("verifier.cache_hits", scope.CacheHits);
            activity.SetTag("verifier.duration_ms", Math.Round(duration.TotalMilliseconds, 1));
            if (report.Checks.Any(c => c.Id == Engine.BadgeVerifier.EngineCheckId))
            {
                activity.SetStatus(ActivityStatusCode.Error, Engine.BadgeVerifier.EngineCheckId);
            }
        }

        metrics.Verification(familyName, outcome, duration);
        var (version, fetches, hits, ms) = (report.OpenBadgesVersion ?? "unknown", scope.Started, scope.CacheHits, Math.Round(duration.TotalMilliseconds, 1));
        LogVerified(_logger, familyName, version, method, outcome, report.ErrorCount, report.WarningCount, fetches, hits, ms);
    }

    private static string Outcome(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Valid => "valid",
        VerificationOutcome.Invalid => "invalid",
        _ => "indeterminate",
    };

    [LoggerMessage(EventId = 1000, EventName = "Verified", Level = LogLevel.Information,
        Message = "Verified {Family} {Version} badge by {Method}: {Outcome}, {Errors} errors, {Warnings} warnings, {Fetches} fetches, {CacheHits} cache hits, {DurationMs} ms")]
    private static partial void LogVerified(ILogger logger, string family, string version, string method, string outcome,
        int errors, int warnings, int fetches, int cacheHits, double durationMs);
}
