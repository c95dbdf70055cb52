namespace Verifier.Core.Fetching;

/// <summary>
/// A second-tier document cache shared by every instance of a deployment (e.g. a blob container), behind the
/// in-memory tier of <see cref="CachingDocumentFetcher"/>. Implementations must never throw for storage failures
/// they can anticipate; the decorator still treats any exception as a miss, because a cache must never fail a
/// verification.
/// </summary>
public interface IDocumentCacheStore
{
    /// <summary>The entry under <paramref name="key"/>, or null when absent. May return an expired entry.</summary>
    Task<CachedDocument?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, CachedDocument document, CancellationToken cancellationToken);
}

/// <summary>A fetched answer worth reusing until <see cref="ExpiresAt"/> (by the injected TimeProvider's clock).</summary>
public sealed record CachedDocument(
    FetchStatus Status,
    int HttpStatusCode,
    string? ContentType,
    Uri? FinalUrl,
    ReadOnlyMemory<byte> Body,
    DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// Whether a redirect left the requested URL's origin; null for entries stored before this was recorded, which are
    /// then trusted only for the URL they were finally served from.
    /// </summary>
    public bool? RedirectedOffOrigin { get; init; }

    public FetchResult ToResult(Uri requestedUrl) =>
        new(Status, requestedUrl, FinalUrl, HttpStatusCode, ContentType, Body, Status == FetchStatus.Ok ? null : $"HTTP {HttpStatusCode}")
        {
            FromCache = true,
            RedirectedOffOrigin = RedirectedOffOrigin ?? (FinalUrl is not null && !Trust.WebIdentity.SameDocument(FinalUrl, requestedUrl)),
        };

    /// <summary>
    /// The cache key of a URL fetched as a kind (the kind chooses Accept headers and size caps). The fragment is
    /// dropped — it is never sent, so "issuer#key-1" and "issuer#key-2" are one document — but everything that is
    /// sent, user information included, stays: a URL the policy refuses can never match a cached entry.
    /// </summary>
    public static string KeyFor(Uri url, FetchKind kind)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"{kind}|{url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped)}";
    }
}
