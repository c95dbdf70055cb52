using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Verifier.Core.Batch;

namespace Verifier.Storage.Jobs;

/// <summary>
/// A job's blobs in one container: <c>{id}/job.json</c> (the record), <c>{id}/manifest.ndjson</c> (one item per line),
/// and one <c>{id}/results/{batch}.ndjson</c> per batch, written whole with overwrite and carrying its counts by
/// outcome as metadata. A retried batch therefore replaces its own results: it can neither duplicate nor drop a line,
/// and a job's summary is the sum of its result blobs' metadata, read without downloading them.
/// </summary>
public sealed class JobStore(BlobContainerClient container)
{
    private const string ItemsMetadata = "items";

    public BlobContainerClient Container { get; } = container;

    public Task WriteManifestAsync(string id, ReadOnlyMemory<byte> manifest, CancellationToken ct) =>
        UploadAsync($"{id}/manifest.ndjson", manifest, "application/x-ndjson", null, ct);

    public Task WriteRecordAsync(JobRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UploadAsync($"{record.Id}/job.json", record.ToJson(), "application/json", null, ct);
    }

    /// <summary>The job's record, or null when there is no such job.</summary>
    public async Task<JobRecord?> ReadRecordAsync(string id, int parallelism, CancellationToken ct)
    {
        try
        {
            var content = await Container.GetBlobClient($"{id}/job.json").DownloadContentAsync(ct).ConfigureAwait(false);
            return JobRecord.Parse(content.Value.Content.ToMemory(), parallelism);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The bytes of one batch's items: a range of the manifest.</summary>
    public async Task<ReadOnlyMemory<byte>> ReadManifestSliceAsync(string id, long offset, int length, CancellationToken ct)
    {
        var content = await Container.GetBlobClient($"{id}/manifest.ndjson")
            .DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, ct).ConfigureAwait(false);
        return content.Value.Content.ToMemory();
    }

    /// <summary>Writes (or, for a retried batch, replaces) a batch's result lines and their counts.</summary>
    public Task WriteResultsAsync(string id, int batch, ReadOnlyMemory<byte> lines, BatchCounts counts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var metadata = new Dictionary<string, string>
        {
            [ItemsMetadata] = Number(counts.Total),
            ["valid"] = Number(counts.Valid),
            ["invalid"] = Number(counts.Invalid),
            ["indeterminate"] = Number(counts.Indeterminate),
            ["error"] = Number(counts.Error),
        };
        return UploadAsync(ResultsName(id, batch), lines, "application/x-ndjson", metadata, ct);
    }

    /// <summary>The batches done so far and their counts, summed.</summary>
    public async Task<(int Batches, BatchCounts Counts)> ReadProgressAsync(string id, CancellationToken ct)
    {
        var (batches, counts) = (0, BatchCounts.None);
        await foreach (var blob in Container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, $"{id}/results/", ct).ConfigureAwait(false))
        {
            batches++;
            counts = counts.Add(new BatchCounts(Read(blob, "valid"), Read(blob, "invalid"), Read(blob, "indeterminate"), Read(blob, "error")));
        }

        return (batches, counts);
    }

    /// <summary>Copies every result blob, in batch order, to <paramref name="destination"/>.</summary>
    public async Task CopyResultsAsync(string id, Stream destination, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var blob in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{id}/results/", ct).ConfigureAwait(false))
        {
            names.Add(blob.Name);
        }

        // Batch numbers are zero-padded: name order is batch order.
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            await Container.GetBlobClient(name).DownloadToAsync(destination, ct).ConfigureAwait(false);
        }
    }

    internal static string ResultsName(string id, int batch) => $"{id}/results/{batch.ToString("D7", CultureInfo.InvariantCulture)}.ndjson";

    private async Task UploadAsync(string name, ReadOnlyMemory<byte> content, string contentType, Dictionary<string, string>? metadata, CancellationToken ct)
    {
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Metadata = metadata };
        var blob = Container.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(content), options, ct).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // A fresh Azurite; infra/ creates the container in Azure.
            await Container.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            await blob.UploadAsync(BinaryData.FromBytes(content), options, ct).ConfigureAwait(false);
        }
    }

    private static int Read(BlobItem blob, string key) =>
        blob.Metadata is not null && blob.Metadata.TryGetValue(key, out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
