using Verifier.Core.Reporting;

namespace Verifier.Cli;

/// <summary>The exit codes scripts branch on; documented in docs/http.md.</summary>
public static class ExitCodes
{
    public const int AllValid = 0;
    public const int AnyInvalid = 1;
    public const int UsageOrUnreadable = 2;
    public const int AnyIndeterminate = 3;

    /// <summary>Unreadable input wins (the run is incomplete), then invalid, then indeterminate.</summary>
    public static int For(IReadOnlyList<VerifiedInput> results)
    {
        if (results.Any(r => r.Report is null))
        {
            return UsageOrUnreadable;
        }

        if (results.Any(r => r.Report!.Outcome == VerificationOutcome.Invalid))
        {
            return AnyInvalid;
        }

        return results.Any(r => r.Report!.Outcome == VerificationOutcome.Indeterminate) ? AnyIndeterminate : AllValid;
    }
}

/// <summary>One command-line input and what became of it: a report, or why it could not be read.</summary>
public sealed record VerifiedInput(string Name, VerificationReport? Report, string? Error);
