namespace Verifier.Core.Fetching;

/// <summary>Configuration section "Verifier:Fetch". Defaults are safe for a public service.</summary>
public sealed class FetchOptions
{
    /// <summary>Opens loopback destinations only (tests, local development). Private ranges stay closed.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>
    /// Test seam: host name → base URL on loopback (e.g. "example.org" → "http://127.0.0.1:5123"). Requests for
    /// the host are sent there instead; only effective together with <see cref="AllowLoopback"/>.
    /// </summary>
    public Dictionary<string, string> HostMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    public int MaxRedirects { get; set; } = 5;

    /// <summary>Cap for JSON documents (assertions, issuers, keys, DID documents, contexts).</summary>
    public int MaxDocumentBytes { get; set; } = 1024 * 1024;

    /// <summary>Cap for images and status lists.</summary>
    public int MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    public string UserAgent { get; set; } = "Verifier/1.0 (+Open Badges verifier)";

    /// <summary>Upper bound on how long a fetched document is cached, whatever Cache-Control says.</summary>
    public TimeSpan MaxCacheAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Used when a response gives no freshness information.</summary>
    public TimeSpan DefaultCacheAge { get; set; } = TimeSpan.FromMinutes(5);
}
