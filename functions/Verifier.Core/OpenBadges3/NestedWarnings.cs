using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// One line naming a nested report's warnings, so that what a nested credential only "passed with caveats" (an
/// unproven key under the lenient policy, an unverified homepage) is visible at the top level (docs/security.md rule 6).
/// </summary>
internal static class NestedWarnings
{
    private const int MaxListed = 3;

    public static string Summary(VerificationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var warnings = report.Checks.Where(c => c.Outcome == CheckOutcome.Warning).ToList();
        var listed = string.Join("; ", warnings.Take(MaxListed).Select(w => $"{w.Id}: {w.Message}"));
        return warnings.Count > MaxListed ? $"{listed}; and {warnings.Count - MaxListed} more" : listed;
    }
}
