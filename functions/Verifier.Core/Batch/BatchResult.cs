using Verifier.Core.Reporting;

namespace Verifier.Core.Batch;

/// <summary>What became of one item: its report, or the error that kept it from being verified.</summary>
public sealed record BatchResult(int Index, string? Name, VerificationReport? Report, BatchItemError? Error)
{
    /// <summary><c>valid</c>, <c>invalid</c>, <c>indeterminate</c>, or <c>error</c> (nothing verifiable in the item).</summary>
    public string Outcome => Report is null ? "error" : BatchOutcomes.Name(Report.Outcome);
}

/// <summary>Counts of results by outcome: a job's summary, a batch span's attributes.</summary>
public sealed record BatchCounts(int Valid, int Invalid, int Indeterminate, int Error)
{
    public static BatchCounts None { get; } = new(0, 0, 0, 0);

    public int Total => Valid + Invalid + Indeterminate + Error;

    public BatchCounts Add(string outcome) => outcome switch
    {
        "valid" => this with { Valid = Valid + 1 },
        "invalid" => this with { Invalid = Invalid + 1 },
        "indeterminate" => this with { Indeterminate = Indeterminate + 1 },
        _ => this with { Error = Error + 1 },
    };

    public BatchCounts Add(BatchCounts other) => new(Valid + other.Valid, Invalid + other.Invalid, Indeterminate + other.Indeterminate, Error + other.Error);
}

internal static class BatchOutcomes
{
    public static string Name(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Valid => "valid",
        VerificationOutcome.Invalid => "invalid",
        _ => "indeterminate",
    };
}
