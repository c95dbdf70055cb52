using Verifier.Core.Reporting;

namespace Verifier.Core.Engine;

/// <summary>State of one verification: the request, the clock, the checks so far and what the report will say.</summary>
public sealed class VerificationContext
{
    public VerificationContext(VerificationRequest request, VerifierOptions options, DateTimeOffset now)
    {
        Request = request;
        Options = options;
        Now = now;
    }

    public VerificationRequest Request { get; }

    public VerifierOptions Options { get; }

    /// <summary>The instant the badge is judged at: the request's "as of" time, else the injected clock's now.</summary>
    public DateTimeOffset Now { get; }

    public bool Strict => Request.Strict || Options.StrictPolicy;

    public CheckCollector Checks { get; } = new();

    public string? OpenBadgesVersion { get; set; }

    public InputInfo Input { get; set; } = new();

    public VerificationInfo? Verification { get; set; }

    public BadgeSummary? Badge { get; set; }

    public List<VerificationReport> Endorsements { get; } = [];

    public VerificationReport ToReport()
    {
        var checks = Checks.Snapshot();
        int errors = 0, warnings = 0;
        for (var i = 0; i < checks.Count; i++)
        {
            var c = checks[i];
            errors += c.Outcome == CheckOutcome.Failed ? 1 : 0;
            warnings += c.Outcome == CheckOutcome.Warning ? 1 : 0;
        }

        return new VerificationReport
        {
            Outcome = CheckCollector.Decide(checks),
            ErrorCount = errors,
            WarningCount = warnings,
            OpenBadgesVersion = OpenBadgesVersion,
            Input = Input,
            Verification = Verification,
            Badge = Badge,
            Checks = checks,
            Endorsements = Endorsements.Count > 0 ? [.. Endorsements] : null,
        };
    }
}
