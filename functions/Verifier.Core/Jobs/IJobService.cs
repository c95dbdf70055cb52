using Verifier.Core.Batch;

namespace Verifier.Core.Jobs;

/// <summary>
/// Large verification jobs: a manifest is split into small batches, each a queue message that a worker verifies, with
/// results kept per batch. Implemented over the deployment's storage account (Verifier.Storage); hosts without one
/// register none and answer 501.
/// </summary>
public interface IJobService
{
    /// <summary>Largest manifest accepted; a posted one is refused (413) before it is read past this.</summary>
    long MaxManifestBytes { get; }

    /// <summary>Stores the manifest, enqueues its batches and answers the new job, or why the manifest is refused.</summary>
    Task<JobCreation> CreateAsync(JobManifestSource source, BatchRequest request, CancellationToken cancellationToken);

    /// <summary>Progress and counts by outcome; null when no such job exists.</summary>
    Task<JobStatus?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Copies the results done so far (NDJSON, batch by batch) to <paramref name="destination"/>; false when no such job exists.</summary>
    Task<bool> CopyResultsAsync(string id, Stream destination, CancellationToken cancellationToken);
}

/// <summary>The manifest's bytes (JSON array or NDJSON), or the name of a blob holding them (<c>container/name</c>).</summary>
public sealed record JobManifestSource(ReadOnlyMemory<byte> Body, string? Blob);

/// <summary>A created job, or the problem (code, detail, and whether it is a size problem: 413 rather than 400).</summary>
public sealed record JobCreation(JobStatus? Job, BatchItemError? Problem, bool TooLarge = false);

/// <summary>What <c>GET /api/jobs/{id}</c> answers.</summary>
public sealed record JobStatus(string Id, string Status, DateTimeOffset Created, int Items, int Batches, int BatchesDone, BatchCounts Summary)
{
    public static string Running => "running";

    public static string Completed => "completed";
}
