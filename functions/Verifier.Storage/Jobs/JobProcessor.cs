using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verifier.Core.Batch;
using Verifier.Core.Engine;
using Verifier.Core.Reporting;
using Verifier.Core.Telemetry;

namespace Verifier.Storage.Jobs;

/// <summary>
/// Verifies one queue message's batch of a job and writes its results blob. Everything it does is idempotent: a retry
/// (the host redelivers a message whose try threw or whose instance died) reads the same slice and overwrites the
/// same results blob. A failure throws, so the host retries up to <c>maxDequeueCount</c> and then moves the message to
/// the poison queue; a message that can never succeed (not one of ours, or its job is gone) is logged and dropped.
/// </summary>
public sealed partial class JobProcessor(
    JobStore store,
    BatchRunner runner,
    IOptions<JobOptions> options,
    IOptions<VerifierOptions> engine,
    VerifierMetrics metrics,
    ILogger<JobProcessor> logger)
{
    /// <summary>The report's JSON shape (<see cref="ReportJson.Options"/>), compact: one line per item.</summary>
    private static readonly JsonSerializerOptions Compact = new(ReportJson.Options) { WriteIndented = false };

    public async Task ProcessAsync(string messageText, CancellationToken cancellationToken)
    {
        if (JobMessage.Parse(messageText) is not { } message)
        {
            LogDropped(logger, "it is not a job message");
            return;
        }

        if (await store.ReadRecordAsync(message.Job, options.Value.Parallelism, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            LogDropped(logger, "its job does not exist");
            return;
        }

        try
        {
            var slice = await store.ReadManifestSliceAsync(message.Job, message.Offset, message.Length, cancellationToken).ConfigureAwait(false);
            var items = BatchManifest.ParseLines(slice, int.MaxValue, engine.Value.Fetch.MaxBadgeBytes).Items
                .Select(i => i with { Index = message.First + i.Index })
                .ToList();
            var results = new List<BatchResult>(items.Count);
            var counts = await runner.RunAsync(items, record.Request, "job", (result, _) =>
            {
                lock (results)
                {
                    results.Add(result);
                }

                return ValueTask.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);

            // Manifest order within a batch, so that a job's results read back in manifest order.
            var lines = new ArrayBufferWriter<byte>(4096 * Math.Max(1, results.Count));
            foreach (var result in results.OrderBy(r => r.Index))
            {
                BatchLine.Write(lines, result, Compact);
            }

            await store.WriteResultsAsync(message.Job, message.Batch, lines.WrittenMemory, counts, cancellationToken).ConfigureAwait(false);
            metrics.Job("batch-done");
            LogBatchDone(logger, message.Job, message.Batch, items.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.Job("batch-failed");
            LogBatchFailed(logger, e, message.Job, message.Batch);
            throw;
        }
    }

    [LoggerMessage(EventId = 1201, EventName = "JobBatchDone", Level = LogLevel.Information, Message = "Job {JobId} batch {Batch}: {Items} items verified")]
    private static partial void LogBatchDone(ILogger logger, string jobId, int batch, int items);

    [LoggerMessage(EventId = 1202, EventName = "JobBatchFailed", Level = LogLevel.Warning, Message = "Job {JobId} batch {Batch} failed; the queue will retry it")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string jobId, int batch);

    [LoggerMessage(EventId = 1203, EventName = "JobMessageDropped", Level = LogLevel.Warning, Message = "A job message was dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string reason);
}
