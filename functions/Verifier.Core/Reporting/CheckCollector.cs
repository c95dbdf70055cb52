namespace Verifier.Core.Reporting;

/// <summary>
/// Accumulates check results while a verification runs. Thread-safe: status lists, keys and endorsements are
/// checked concurrently.
/// </summary>
public sealed class CheckCollector
{
    // A verified OB 2.0 badge records about twenty checks: room for them from the start, not four regrowths.
    private readonly List<CheckResult> _results = new(24);
    private readonly Lock _gate = new();

    public void Add(CheckResult result)
    {
        lock (_gate)
        {
            _results.Add(result);
        }
    }

    public CheckResult Pass(string id, string message, string? subject = null) => Record(new(id, CheckOutcome.Passed, message, subject));

    public CheckResult Fail(string id, string message, string? subject = null) => Record(new(id, CheckOutcome.Failed, message, subject));

    /// <summary>
    /// A specification MUST that changes nothing about what the badge proves: an error under the conformance profile,
    /// a warning under the authenticity profile (<see cref="CheckClasses.Apply"/>).
    /// </summary>
    public CheckResult Conformance(string id, string message, string? subject = null) =>
        Record(new(id, CheckOutcome.Failed, message, subject) { Class = CheckClass.Conformance });

    public CheckResult Warn(string id, string message, string? subject = null) => Record(new(id, CheckOutcome.Warning, message, subject));

    public CheckResult Skip(string id, string message, string? subject = null) => Record(new(id, CheckOutcome.Skipped, message, subject));

    /// <summary>A failure caused by something outside the badge: makes the report indeterminate, not invalid.</summary>
    public CheckResult Indeterminate(string id, string message, string? subject = null) =>
        Record(new(id, CheckOutcome.Failed, message, subject) { Indeterminate = true });

    public IReadOnlyList<CheckResult> Snapshot()
    {
        lock (_gate)
        {
            return [.. _results];
        }
    }

    public bool HasErrors
    {
        get
        {
            lock (_gate)
            {
                return _results.Exists(r => r.Outcome == CheckOutcome.Failed);
            }
        }
    }

    private CheckResult Record(CheckResult result)
    {
        Add(result);
        return result;
    }

    /// <summary>
    /// Invalid when any check failed for a reason in the badge; otherwise indeterminate when any check could not
    /// finish; otherwise valid. A report with no passed check at all is never valid.
    /// </summary>
    public static VerificationOutcome Decide(IReadOnlyList<CheckResult> checks)
    {
        var anyHardFailure = false;
        var anyIndeterminate = false;
        var anyPassed = false;
        foreach (var c in checks)
        {
            if (c.Outcome == CheckOutcome.Failed)
            {
                if (c.Indeterminate)
                {
                    anyIndeterminate = true;
                }
                else
                {
                    anyHardFailure = true;
                }
            }
            else if (c.Outcome == CheckOutcome.Passed)
            {
                anyPassed = true;
            }
        }

        if (anyHardFailure)
        {
            return VerificationOutcome.Invalid;
        }

        return anyIndeterminate || !anyPassed ? VerificationOutcome.Indeterminate : VerificationOutcome.Valid;
    }
}
