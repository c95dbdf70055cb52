namespace Verifier.Core.Trust;

/// <summary>
/// How URLs are compared when they decide who a document speaks for (docs/security.md rules 1–3). One place, so
/// every family compares the same way. The normalisation is deliberately small: scheme and host compare without
/// case, a default port equals no port, an empty path equals "/", the fragment is not part of a document's address,
/// and http and https on the same host and default ports are one site (real issuers name ids with http and serve
/// them over https). Path and query compare exactly: a different path or query is a different document.
/// </summary>
public static class WebIdentity
{
    /// <summary>An absolute http(s) URL with a host, or null.</summary>
    public static Uri? HttpUrl(string? text) =>
        text is not null && Uri.TryCreate(text, UriKind.Absolute, out var url) && IsHttp(url) ? url : null;

    public static bool IsHttp(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.IdnHost.Length > 0;
    }

    /// <summary>True when both name the same web origin (scheme family, host and port; see the class remarks).</summary>
    public static bool SameOrigin(Uri a, Uri b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!IsHttp(a) || !IsHttp(b) || !string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return a.Port == b.Port;
        }

        // http://host and https://host (default ports) are one site; explicit other ports are distinct origins.
        return a.IsDefaultPort && b.IsDefaultPort;
    }

    /// <summary>True when both address the same document (same origin, path and query; fragments ignored).</summary>
    public static bool SameDocument(Uri a, Uri b) =>
        SameOrigin(a, b)
        && string.Equals(PathOf(a), PathOf(b), StringComparison.Ordinal)
        && string.Equals(a.Query, b.Query, StringComparison.Ordinal);

    /// <summary>String form of <see cref="SameDocument(Uri, Uri)"/>: false unless both are absolute http(s) URLs.</summary>
    public static bool SameDocument(string? a, string? b) =>
        HttpUrl(a) is { } x && HttpUrl(b) is { } y && SameDocument(x, y);

    /// <summary>True when both are the same identifier: the same document for http(s) URLs, else the same string.</summary>
    public static bool SameId(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        return HttpUrl(a) is { } x && HttpUrl(b) is { } y ? SameDocument(x, y) && string.Equals(x.Fragment, y.Fragment, StringComparison.Ordinal) : string.Equals(a, b, StringComparison.Ordinal);
    }

    /// <summary>"https://host[:port]" — how a report names an origin-level identity.</summary>
    public static string OriginOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>
    /// True when <paramref name="candidate"/> starts with <paramref name="prefix"/> on a URL boundary: same origin,
    /// and the prefix's path is the candidate's path, or a path prefix ending in "/", or followed in the candidate by
    /// "/", "?" or "#". So "https://badges.real.edu" never admits "https://badges.real.edu.evil.com/…" and
    /// "https://real.edu/badges" never admits "https://real.edu/badges-tenant2/…".
    /// </summary>
    public static bool StartsWithOnBoundary(Uri candidate, Uri prefix)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!SameOrigin(candidate, prefix))
        {
            return false;
        }

        var full = PathOf(candidate) + candidate.Query + candidate.Fragment;
        var head = PathOf(prefix) + prefix.Query + prefix.Fragment;
        if (!full.StartsWith(head, StringComparison.Ordinal))
        {
            return false;
        }

        if (full.Length == head.Length || head.EndsWith('/') || head.EndsWith('?') || head.EndsWith('&') || head.EndsWith('='))
        {
            return true;
        }

        return full[head.Length] is '/' or '?' or '#';
    }

    private static string PathOf(Uri url) => url.AbsolutePath.Length == 0 ? "/" : url.AbsolutePath;
}
