using Azure;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verifier.Core.Batch;
using Verifier.Core.Jobs;
using Verifier.Core.Telemetry;

namespace Verifier.Storage.Jobs;

/// <summary>
/// Creates jobs (manifest and record to blobs, one queue message per batch) and reports on them from their blobs alone,
/// so any instance answers for any job and a job outlives the instance that created it.
/// </summary>
public sealed partial class JobService(
    JobStore store,
    QueueClient queue,
    IOptions<JobOptions> options,
    TimeProvider time,
    VerifierMetrics metrics,
    ILogger<JobService> logger) : IJobService
{
    /// <summary>Messages enqueued at once while a job is created.</summary>
    private const int EnqueueParallelism = 16;

    public long MaxManifestBytes => options.Value.MaxManifestBytes;

    public async Task<JobCreation> CreateAsync(JobManifestSource source, BatchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var limits = options.Value;
        var body = source.Body;
        if (source.Blob is { } blobName)
        {
            var (bytes, problem) = await ReadManifestBlobAsync(blobName, limits.MaxManifestBytes, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return new JobCreation(null, problem, problem.Code == "body-too-large");
            }

            body = bytes;
        }

        var manifest = ManifestNormalizer.Normalize(body, limits.MaxItems, limits.BatchSize);
        if (manifest.Problem is not null)
        {
            return new JobCreation(null, manifest.Problem, manifest.TooLarge);
        }

        var record = new JobRecord(JobIds.New(), time.GetUtcNow(), manifest.Items, manifest.Batches.Count, limits.BatchSize, request);
        await store.WriteManifestAsync(record.Id, manifest.Manifest, cancellationToken).ConfigureAwait(false);
        await store.WriteRecordAsync(record, cancellationToken).ConfigureAwait(false);
        await EnqueueAsync(record.Id, manifest.Batches, cancellationToken).ConfigureAwait(false);
        metrics.Job("created");
        LogCreated(logger, record.Id, record.Items, record.Batches);
        return new JobCreation(new JobStatus(record.Id, JobStatus.Running, record.Created, record.Items, record.Batches, 0, BatchCounts.None), null);
    }

    public async Task<JobStatus?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!JobIds.IsValid(id) || await store.ReadRecordAsync(id, options.Value.Parallelism, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return null;
        }

        var (done, counts) = await store.ReadProgressAsync(id, cancellationToken).ConfigureAwait(false);
        return new JobStatus(id, done >= record.Batches ? JobStatus.Completed : JobStatus.Running, record.Created, record.Items, record.Batches, done, counts);
    }

    public async Task<bool> CopyResultsAsync(string id, Stream destination, CancellationToken cancellationToken)
    {
        if (!JobIds.IsValid(id) || await store.ReadRecordAsync(id, options.Value.Parallelism, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await store.CopyResultsAsync(id, destination, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task EnqueueAsync(string id, IReadOnlyList<ManifestNormalizer.Slice> batches, CancellationToken ct)
    {
        try
        {
            await Send(batches[0]).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "QueueNotFound")
        {
            // A fresh Azurite; infra/ creates the queue in Azure.
            await queue.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            await Send(batches[0]).ConfigureAwait(false);
        }

        await Parallel.ForEachAsync(batches.Skip(1), new ParallelOptions { MaxDegreeOfParallelism = EnqueueParallelism, CancellationToken = ct },
            async (slice, token) => await queue.SendMessageAsync(Message(slice), token).ConfigureAwait(false)).ConfigureAwait(false);

        Task Send(ManifestNormalizer.Slice slice) => queue.SendMessageAsync(Message(slice), ct);
        string Message(ManifestNormalizer.Slice slice) => new JobMessage(id, slice.Batch, slice.First, slice.Offset, slice.Length).ToJson();
    }

    private async Task<(ReadOnlyMemory<byte> Bytes, BatchItemError? Problem)> ReadManifestBlobAsync(string name, long maxBytes, CancellationToken ct)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == name.Length - 1)
        {
            return (default, new BatchItemError("bad-parameter", $"'manifestBlob' must be container/name, not '{name}'"));
        }

        var blob = store.Container.GetParentBlobServiceClient().GetBlobContainerClient(name[..slash]).GetBlobClient(name[(slash + 1)..]);
        try
        {
            // Size first: a manifest over the cap is refused before a byte of it is read.
            var properties = await blob.GetPropertiesAsync(cancellationToken: ct).ConfigureAwait(false);
            if (properties.Value.ContentLength > maxBytes)
            {
                return (default, new BatchItemError("body-too-large", $"the manifest blob is larger than the {maxBytes} bytes a job may hold"));
            }

            var content = await blob.DownloadContentAsync(ct).ConfigureAwait(false);
            return (content.Value.Content.ToMemory(), null);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 403)
        {
            return (default, new BatchItemError("bad-parameter", $"the manifest blob '{name}' cannot be read with this app's identity ({e.Status})"));
        }
    }

    [LoggerMessage(EventId = 1200, EventName = "JobCreated", Level = LogLevel.Information, Message = "Created job {JobId}: {Items} items in {Batches} batches")]
    private static partial void LogCreated(ILogger logger, string jobId, int items, int batches);
}
