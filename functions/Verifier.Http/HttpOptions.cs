namespace Verifier.Http;

/// <summary>Configuration section "Verifier:Http": limits and CORS for both web hosts.</summary>
public sealed class HttpOptions
{
    public const string SectionName = "Verifier:Http";

    /// <summary>Largest request body accepted (default 10 MB). Larger bodies get 413 before they are read.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Origins allowed to call the API from a browser. Empty (the default) or "*" allows any origin, without
    /// credentials: the API is public and reads no cookies, so a wildcard cannot leak anything.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight answer.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Verifications (verify, unbake, bake) one instance runs at once; 0 = unbounded.</summary>
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>How long a request waits for a slot before it gets 503 with Retry-After.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
