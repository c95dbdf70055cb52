using System.ComponentModel.DataAnnotations;
using Verifier.Core.Engine.Settings;

namespace Verifier.Storage;

/// <summary>Configuration section "Verifier:Cache": where the shared document cache lives (docs/fetching.md).</summary>
public sealed class BlobCacheOptions
{
    public const string SectionName = "Verifier:Cache";

    /// <summary>Blob service endpoint (https://ACCOUNT.blob.core.windows.net), reached with managed identity.</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for a system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>A connection string (Azurite, local development). Used only when no <see cref="BlobServiceUri"/> is set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Blob container name rules: 3–63 lower-case letters, digits and single hyphens.</summary>
    [Required]
    [RegularExpression("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    public string ContainerName { get; set; } = "verifier-cache";

    /// <summary>Per-call network timeout: a slow cache must cost less than the fetch it saves.</summary>
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsConfigured => BlobServiceUri is not null || !string.IsNullOrWhiteSpace(ConnectionString);
}
