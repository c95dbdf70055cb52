using System.Diagnostics;
using Verifier.Core.Engine;
using Verifier.Core.Reporting;
using Verifier.Core.Telemetry;

namespace Verifier.Core.Batch;

/// <summary>What a batch asks of every item (the per-item recipient aside), and how many run at once.</summary>
public sealed record BatchRequest(int Parallelism, IssuerPolicy? Policy = null, DateTimeOffset? At = null, bool Verbose = false, bool? RequireKnownIssuer = null)
{
    /// <summary><c>profile=</c> for every item; null uses the deployment's <c>Verifier:Profile</c>, as a single request does.</summary>
    public VerificationProfile? Profile { get; init; }
}

/// <summary>
/// Verifies the items of a batch with bounded parallelism, each by the same <see cref="BadgeVerifier"/> as a single
/// request (its own fetch budget and deadline), and hands each result on as it completes. An item's failure is its
/// own result line; only the caller's cancellation stops the batch.
/// </summary>
public sealed class BatchRunner(BadgeVerifier verifier, VerifierMetrics metrics)
{
    /// <param name="source">Where the batch comes from, for telemetry: <c>http</c> or <c>job</c>.</param>
    public async Task<BatchCounts> RunAsync(
        IReadOnlyList<BatchItem> items,
        BatchRequest request,
        string source,
        Func<BatchResult, CancellationToken, ValueTask> onResult,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onResult);
        using var activity = VerifierTelemetry.Source.StartActivity(VerifierTelemetry.BatchSpan, ActivityKind.Internal);
        var started = Stopwatch.GetTimestamp();
        var counts = BatchCounts.None;
        var gate = new object();
        await Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Parallelism), CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var result = await VerifyAsync(item, request, ct).ConfigureAwait(false);
                metrics.BatchItem(source, result.Outcome);
                lock (gate)
                {
                    counts = counts.Add(result.Outcome);
                }

                await onResult(result, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);

        if (activity is not null)
        {
            activity.SetTag("verifier.batch.source", source);
            activity.SetTag("verifier.batch.items", items.Count);
            activity.SetTag("verifier.batch.valid", counts.Valid);
            activity.SetTag("verifier.batch.invalid", counts.Invalid);
            activity.SetTag("verifier.batch.indeterminate", counts.Indeterminate);
            activity.SetTag("verifier.batch.errors", counts.Error);
            activity.SetTag("verifier.duration_ms", Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
        }

        return counts;
    }

    private async Task<BatchResult> VerifyAsync(BatchItem item, BatchRequest request, CancellationToken ct)
    {
        if (item.Input is null)
        {
            return new BatchResult(item.Index, item.Name, null, item.Error);
        }

        var report = await verifier.VerifyAsync(
            new VerificationRequest
            {
                Input = item.Input,
                InputName = item.Name,
                Recipient = item.Recipient,
                Policy = request.Policy,
                Profile = request.Profile,
                At = request.At,
                Verbose = request.Verbose,
                RequireKnownIssuer = request.RequireKnownIssuer,
            },
            ct).ConfigureAwait(false);
        return new BatchResult(item.Index, item.Name, report, null);
    }
}
