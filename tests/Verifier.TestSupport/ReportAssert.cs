using Verifier.Core.Reporting;
using Xunit;

namespace Verifier.TestSupport;

/// <summary>
/// Assertions on a verification report that, when they fail, list every check with its outcome and message: a
/// failing test then says what the verifier did decide, not only that it decided otherwise.
/// </summary>
public static class ReportAssert
{
    /// <summary>The report has check <paramref name="id"/> with <paramref name="outcome"/>; returns it for more asserts.</summary>
    public static CheckResult Has(VerificationReport report, string id, CheckOutcome outcome)
    {
        var match = report.Checks.FirstOrDefault(c => c.Id == id && c.Outcome == outcome);
        Assert.True(match is not null, $"expected {id} {outcome}; checks were:\n{Checks(report)}");
        return match!;
    }

    public static void Outcome(VerificationReport report, VerificationOutcome expected) =>
        Assert.True(report.Outcome == expected, $"expected {expected} but was {report.Outcome}; checks were:\n{Checks(report)}");

    public static void Valid(VerificationReport report) => Outcome(report, VerificationOutcome.Valid);

    private static string Checks(VerificationReport report) =>
        string.Join("\n", report.Checks.Select(c => $"  {c.Id} {c.Outcome}{(c.Indeterminate ? " (indeterminate)" : string.Empty)}: {c.Message}"));
}
