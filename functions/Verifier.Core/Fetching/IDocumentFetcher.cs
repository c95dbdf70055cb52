namespace Verifier.Core.Fetching;

/// <summary>
/// The one way the engine reaches the network. Implementations never throw for network or policy failures:
/// they answer with a <see cref="FetchResult"/> whose <see cref="FetchResult.Status"/> says what happened.
/// </summary>
public interface IDocumentFetcher
{
    Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken cancellationToken);
}

/// <summary>What is being fetched: chooses Accept headers and size caps.</summary>
public enum FetchKind
{
    /// <summary>JSON / JSON-LD documents: assertions, badge classes, issuers, keys, DID documents, contexts.</summary>
    Document,

    /// <summary>A badge URL that may answer with JSON or a baked image.</summary>
    Badge,

    /// <summary>Images (badge images, baked badges).</summary>
    Image,

    /// <summary>Status lists and revocation lists (JSON or a VC-JWT).</summary>
    StatusList,
}

public enum FetchStatus
{
    /// <summary>2xx with a body within limits.</summary>
    Ok,

    /// <summary>The server answered with a non-success status (4xx, and 410 Gone): an answer about the badge.</summary>
    HttpError,

    /// <summary>Network failure, timeout, TLS failure, 5xx: the badge could not be checked (indeterminate).</summary>
    Unavailable,

    /// <summary>Refused by policy before connecting: private/loopback address, bad scheme, too many redirects.</summary>
    Refused,

    /// <summary>The body exceeded the size cap for its kind.</summary>
    TooLarge,
}

public sealed record FetchResult(
    FetchStatus Status,
    Uri RequestedUrl,
    Uri? FinalUrl,
    int? HttpStatusCode,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    string? Error)
{
    public bool IsOk => Status == FetchStatus.Ok;

    /// <summary>What the response's caching headers allow (null when there was no response).</summary>
    public CacheDirectives? Caching { get; init; }

    /// <summary>
    /// True when a redirect took the request off the requested URL's origin (even if a later hop came back): the
    /// answer then speaks only for <see cref="FinalUrl"/>, never for <see cref="RequestedUrl"/> (docs/security.md rule 1).
    /// </summary>
    public bool RedirectedOffOrigin { get; init; }

    /// <summary>
    /// Whether this answer may be taken as the document at <paramref name="url"/>: it was finally served from that
    /// URL, or requested from it with every redirect hop on its origin.
    /// </summary>
    public bool SpeaksFor(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var final = FinalUrl ?? RequestedUrl;
        return Trust.WebIdentity.SameDocument(final, url)
            || (!RedirectedOffOrigin && Trust.WebIdentity.SameDocument(RequestedUrl, url));
    }

    /// <summary>The URL this answer speaks for: the requested one unless a redirect left its origin.</summary>
    public Uri Identity => RedirectedOffOrigin ? FinalUrl ?? RequestedUrl : RequestedUrl;

    /// <summary>
    /// The URL the answer was finally served from: what identity decisions (scope, a key's origin, the issuer a report
    /// names) are made on (docs/security.md rule 1).
    /// </summary>
    public Uri ServedFrom => FinalUrl ?? RequestedUrl;

    /// <summary>True when the answer came from a cache rather than the network.</summary>
    public bool FromCache { get; init; }

    /// <summary>True when the failure is outside the badge (network, 5xx, timeout): report indeterminate.</summary>
    public bool IsTransient => Status == FetchStatus.Unavailable;

    /// <summary>A one-line explanation for a check message.</summary>
    public string Describe() => Status switch
    {
        FetchStatus.Ok => $"fetched {RequestedUrl}",
        FetchStatus.HttpError => $"{RequestedUrl} answered HTTP {HttpStatusCode}",
        FetchStatus.Unavailable => $"could not fetch {RequestedUrl}: {Error}",
        FetchStatus.Refused => $"refused to fetch {RequestedUrl}: {Error}",
        FetchStatus.TooLarge => $"{RequestedUrl} is larger than allowed: {Error}",
        _ => Error ?? Status.ToString(),
    };
}
