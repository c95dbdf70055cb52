using System.ComponentModel.DataAnnotations;
using Verifier.Core.Engine.Settings;

namespace Verifier.Storage.Jobs;

/// <summary>
/// Configuration section "Verifier:Jobs": where jobs keep their manifests and results (a blob container) and the queue
/// their batches travel on, in the deployment's storage account, reached with its managed identity (or Azurite's
/// connection string); and how jobs are cut.
/// </summary>
public sealed class JobOptions
{
    public const string SectionName = "Verifier:Jobs";

    /// <summary>Blob endpoint (https://ACCOUNT.blob.core.windows.net) for manifests and results, with managed identity.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Queue endpoint (https://ACCOUNT.queue.core.windows.net) the batches are enqueued on, with managed identity.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for a system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>A connection string for both (Azurite, local development); used only without the service URIs.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob container of manifests and results (3–63 lower-case letters, digits, single hyphens).</summary>
    [Required]
    [RegularExpression("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    public string ContainerName { get; set; } = "verifier-jobs";

    /// <summary>Items per queue message: small, so a message finishes well within the visibility timeout and instances scale with the queue.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Items of one message verified at once.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    /// <summary>Items one job may hold.</summary>
    [Range(1, 1_000_000)]
    public int MaxItems { get; set; } = 100_000;

    /// <summary>Largest manifest accepted, posted or named as a blob (default 256 MB).</summary>
    [Range(1024L, 4L * 1024 * 1024 * 1024)]
    public long MaxManifestBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Per storage call; the storage clients retry transient failures within it.</summary>
    [TimeSpanRange("00:00:01", "00:05:00")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured =>
        (BlobServiceUri is not null && QueueServiceUri is not null) || !string.IsNullOrWhiteSpace(ConnectionString);
}
