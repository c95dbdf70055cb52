using Verifier.Core.Reporting;

namespace Verifier.Cli;

/// <summary>One short block per badge: the verdict, what the badge is, and the checks that did not pass.</summary>
internal static class TextWriterFormat
{
    public static async Task WriteAsync(IReadOnlyList<VerifiedInput> results, bool verbose, TextWriter writer)
    {
        var first = true;
        foreach (var result in results)
        {
            if (!first)
            {
                await writer.WriteLineAsync().ConfigureAwait(false);
            }

            first = false;
            if (result.Report is not { } report)
            {
                await writer.WriteLineAsync($"{result.Name}: UNREADABLE ({result.Error})").ConfigureAwait(false);
                continue;
            }

            var version = report.OpenBadgesVersion is null ? string.Empty : $" (Open Badges {report.OpenBadgesVersion})";
            await writer.WriteLineAsync($"{result.Name}: {report.Outcome.ToString().ToUpperInvariant()}{version}").ConfigureAwait(false);
            if (report.Badge is { } badge)
            {
                var issuer = badge.IssuerName ?? badge.IssuerId;
                var line = $"  {badge.Name ?? badge.Id ?? "unnamed badge"}{(issuer is null ? string.Empty : $", issued by {issuer}")}";
                if (badge.IssuedOn is { } issued)
                {
                    line += $" on {issued:yyyy-MM-dd}";
                }

                await writer.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (report.Issuer?.KnownIn is { } known)
            {
                // The registry's name for the verified issuer, not the badge's claim: what a person can rely on.
                var status = known.Count > 0
                    ? "known issuer: " + string.Join(", ", known.Select(k => $"\"{k.Name}\" in {k.Registry}"))
                    : "issuer not confirmed by any registry";
                if (report.Issuer.RegistriesUnchecked is { Count: > 0 } notAsked)
                {
                    status += $" (could not check {string.Join(", ", notAsked)})";
                }

                await writer.WriteLineAsync("  " + status).ConfigureAwait(false);
            }

            foreach (var check in report.Checks.Where(c => verbose || c.Outcome is CheckOutcome.Failed or CheckOutcome.Warning))
            {
                await writer.WriteLineAsync($"  {Label(check),-13} {check.Id}: {check.Message}").ConfigureAwait(false);
                foreach (var (key, value) in verbose ? check.Details ?? new Dictionary<string, string>() : new Dictionary<string, string>())
                {
                    await writer.WriteLineAsync($"      {key}: {value}").ConfigureAwait(false);
                }
            }

            var passed = report.Checks.Count(c => c.Outcome == CheckOutcome.Passed);
            await writer.WriteLineAsync($"  {passed} passed, {report.ErrorCount} failed, {report.WarningCount} warnings").ConfigureAwait(false);
        }
    }

    private static string Label(CheckResult check) => check.Outcome switch
    {
        CheckOutcome.Failed when check.Indeterminate => "INDETERMINATE",
        CheckOutcome.Failed => "FAILED",
        // A specification MUST that changes nothing about what the badge proves (an error with --conformance).
        CheckOutcome.Warning when check.Class == CheckClass.Conformance => "CONFORMANCE",
        CheckOutcome.Warning => "WARNING",
        CheckOutcome.Skipped => "skipped",
        _ => "passed",
    };
}
