using System.ComponentModel.DataAnnotations;
using Verifier.Core.Engine.Settings;
using Verifier.Core.Trust;

namespace Verifier.Http;

/// <summary>Configuration section "Verifier:Http": limits and CORS for both web hosts.</summary>
public sealed class HttpOptions : IValidatableObject
{
    public const string SectionName = "Verifier:Http";

    /// <summary>Largest request body accepted (default 10 MB). Larger bodies get 413 before they are read.</summary>
    [Range(1024L, 1024L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Origins allowed to call the API from a browser. Empty (the default) or "*" allows any origin, without
    /// credentials: the API is public and reads no cookies, so a wildcard cannot leak anything.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight answer.</summary>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Verifications (verify, unbake, bake) one instance runs at once; 0 = unbounded.</summary>
    [Range(0, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 64;

    /// <summary>How long a request waits for a slot before it gets 503 with Retry-After.</summary>
    [TimeSpanRange("00:00:00", "00:01:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Items one <c>POST /api/verify/batch</c> may hold; more get 413 before any is verified.</summary>
    [Range(1, 100_000)]
    public int MaxBatchItems { get; set; } = 1000;

    /// <summary>Largest batch body accepted (default 32 MB); larger ones get 413 before they are read. Each item is still held to <see cref="MaxBodyBytes"/>.</summary>
    [Range(1024L, 1024L * 1024 * 1024)]
    public long MaxBatchBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Items of one batch verified at once (each with its own fetch budget and deadline).</summary>
    [Range(1, 64)]
    public int BatchParallelism { get; set; } = 4;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // An origin is scheme://host[:port] and nothing else; a path or a trailing slash would never match a browser's Origin.
        for (var i = 0; i < AllowedOrigins.Length; i++)
        {
            var origin = AllowedOrigins[i];
            // Compared with the engine's origin form, which leaves out user information: "https://a@b" is not an origin.
            if (origin != "*" && (WebIdentity.HttpUrl(origin) is not { } uri || WebIdentity.OriginOf(uri) != origin))
            {
                yield return new ValidationResult($"'{origin}' is not an origin (https://host[:port], no path)", [$"{nameof(AllowedOrigins)}:{i}"]);
            }
        }
    }
}
