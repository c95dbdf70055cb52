using Verifier.Core.Input;
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

    /// <summary>The issuer-binding policy of this verification: the request's choice, else the deployment's.</summary>
    public IssuerPolicy Policy => Request.Policy ?? Options.Policy;

    /// <summary>How the verdict reads conformance failures: the request's choice, else the deployment's.</summary>
    public VerificationProfile Profile => Request.Profile ?? Options.Profile;

    /// <summary>Who made the badge, as far as the family verifier proved it (the report's <c>issuer</c> block).</summary>
    public IssuerInfo? Issuer { get; set; }

    public CheckCollector Checks { get; } = new();

    public string? OpenBadgesVersion { get; set; }

    public InputInfo Input { get; set; } = new();

    public VerificationInfo? Verification { get; set; }

    public BadgeSummary? Badge { get; set; }

    public List<VerificationReport> Endorsements { get; } = [];

    /// <summary>Nested reports for the AchievementCredentials of a CLR 2.0 ClrCredential.</summary>
    public List<VerificationReport> Credentials { get; } = [];

    /// <summary>The report of the credential a refresh service returned (OB 3.0 verification step 3), if any.</summary>
    public VerificationReport? Refreshed { get; set; }

    /// <summary>
    /// Why this context verifies a nested credential ("clr-credential", "refreshed"), null at the top level: nested
    /// credentials are not refreshed and do not open further CLRs, which bounds the work one request can cause.
    /// </summary>
    public string? NestedAs { get; init; }

    /// <summary>What this nested credential is attached to and so must be about (rule 6); null at the top level.</summary>
    public AttachedTo? AttachedTo { get; init; }

    /// <summary>
    /// A context for a credential verified inside this one (endorsement, CLR member, refreshed credential): same
    /// instant, policy and verbosity; the recipient only when the nested credential must be about the same person.
    /// </summary>
    public VerificationContext Nested(VerificationInput input, InputInfo info, string? nestedAs, bool keepRecipient, AttachedTo? attachedTo = null) =>
        new(new VerificationRequest
            {
                Input = input,
                Recipient = keepRecipient ? Request.Recipient : null,
                Policy = Policy,
                Profile = Profile,
                At = Request.At,
                Verbose = Request.Verbose,
            },
            Options,
            Now)
        {
            NestedAs = nestedAs,
            Input = info,
            AttachedTo = attachedTo,
        };

    public VerificationReport ToReport()
    {
        var checks = CheckClasses.Apply(Checks.Snapshot(), Profile);
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
            Policy = IssuerPolicyNames.Name(Policy),
            Profile = VerificationProfileNames.Name(Profile),
            EvaluatedAt = new EvaluatedAt { Instant = Now, FromRequest = Request.At is not null },
            Input = Request.InputName is { } name ? Input.Named(name) : Input,
            Issuer = Issuer,
            Verification = Verification,
            Badge = Badge,
            Checks = checks,
            Endorsements = Endorsements.Count > 0 ? [.. Endorsements] : null,
            Credentials = Credentials.Count > 0 ? [.. Credentials] : null,
            Refreshed = Refreshed,
        };
    }
}
