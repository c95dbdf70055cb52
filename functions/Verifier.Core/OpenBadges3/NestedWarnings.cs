using Verifier.Core.Engine;
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

    /// <summary>
    /// Adds an endorsement's nested report and records it under <paramref name="checkId"/> (OB 2.0 and OB 3.0 alike):
    /// an endorsement is a third party's statement about the badge, so its failure is reported, not inherited, and a
    /// valid one's caveats surface at the top level (docs/security.md rule 6).
    /// </summary>
    public static void RecordEndorsement(VerificationContext context, string checkId, VerificationReport report, string where)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Endorsements.Add(report);
        var id = report.Badge?.Id ?? where;
        if (report.Outcome == VerificationOutcome.Valid && report.WarningCount > 0)
        {
            context.Checks.Warn(checkId, $"the endorsement at {where} verifies with {report.WarningCount} warning(s): {Summary(report)}", id);
        }
        else if (report.Outcome == VerificationOutcome.Valid)
        {
            context.Checks.Pass(checkId, $"the endorsement at {where} verifies", id);
        }
        else
        {
            context.Checks.Warn(checkId, $"the endorsement at {where} is {report.Outcome.ToString().ToLowerInvariant()} ({report.ErrorCount} error(s)); see its nested report", id);
        }
    }
}
