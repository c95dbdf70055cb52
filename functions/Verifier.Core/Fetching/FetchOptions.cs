using System.ComponentModel.DataAnnotations;
using Verifier.Core.Engine.Settings;
using Verifier.Core.Trust;

namespace Verifier.Core.Fetching;

/// <summary>
/// Configuration section "Verifier:Fetch". Defaults are safe for a public service; docs/fetching.md lists every key
/// and why it has its default.
/// </summary>
public sealed class FetchOptions : IValidatableObject
{
    /// <summary>Opens loopback destinations only (tests, local development). Private ranges stay closed.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>
    /// Test seam: host name (or host:port) → base URL on loopback (e.g. "example.org" → "http://127.0.0.1:5123").
    /// Requests for the host are sent there instead; only effective together with <see cref="AllowLoopback"/>, and
    /// the mapped target is still checked by the address policy (so it can only ever reach loopback).
    /// </summary>
    public Dictionary<string, string> HostMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Time to resolve the host and open the TCP (and TLS) connection of one attempt.</summary>
    [TimeSpanRange("00:00:00.050", "00:01:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Total time of one attempt: every redirect hop, headers and the whole body.</summary>
    [TimeSpanRange("00:00:00.050", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Cap on the response status line and headers together, in KiB.</summary>
    [Range(1, 1024)]
    public int MaxResponseHeadersKiB { get; set; } = 32;

    /// <summary>Cap for JSON documents (assertions, issuers, keys, DID documents, contexts).</summary>
    [Range(64, 64 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 1024 * 1024;

    /// <summary>Cap for a badge URL, which may answer with a baked image.</summary>
    [Range(64, 256 * 1024 * 1024)]
    public int MaxBadgeBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Cap for images.</summary>
    [Range(64, 256 * 1024 * 1024)]
    public int MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Cap for status lists and revocation lists.</summary>
    [Range(64, 64 * 1024 * 1024)]
    public int MaxStatusListBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Retries after the first attempt for transient failures (connection errors, resets, 500/502/503/504).</summary>
    [Range(0, 10)]
    public int RetryCount { get; set; } = 2;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Network fetches one verification may have in flight at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrentFetchesPerVerification { get; set; } = 4;

    /// <summary>Network fetches one verification may make in all (a badge cannot make the service crawl).</summary>
    [Range(1, 10000)]
    public int MaxFetchesPerVerification { get; set; } = 100;

    /// <summary>Connections kept per destination by the shared handler.</summary>
    [Range(1, 1024)]
    public int MaxConnectionsPerServer { get; set; } = 16;

    [Required]
    [StringLength(256, MinimumLength = 1)]
    public string UserAgent { get; set; } = "Verifier/1.0 (+Open Badges verifier)";

    /// <summary>Upper bound on how long a fetched document is cached, whatever Cache-Control says.</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan MaxCacheAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Used when a response gives no freshness information.</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan DefaultCacheAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a 404 or 410 answer is remembered (bounded by Cache-Control too). Zero turns it off.</summary>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan NegativeCacheAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Size of the in-memory document cache, in bytes of body.</summary>
    [Range(0L, 16L * 1024 * 1024 * 1024)]
    public long MemoryCacheBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The body cap for a kind of document.</summary>
    public int MaxBytesFor(FetchKind kind) => kind switch
    {
        FetchKind.Badge => MaxBadgeBytes,
        FetchKind.Image => MaxImageBytes,
        FetchKind.StatusList => MaxStatusListBytes,
        _ => MaxDocumentBytes,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A HostMap target that is not an absolute http URL would fail every fetch of its host at run time.
        foreach (var (host, target) in HostMap)
        {
            if (WebIdentity.HttpUrl(target) is null)
            {
                yield return new ValidationResult($"'{target}' is not an absolute http(s) URL", [$"{nameof(HostMap)}:{host}"]);
            }
        }
    }
}
