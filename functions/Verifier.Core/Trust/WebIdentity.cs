namespace Verifier.Core.Trust;

/// <summary>
/// How URLs are compared when they decide who a document speaks for (docs/security.md rules 1–3). One place, so
/// every family compares the same way. The normalisation is deliberately small: scheme and host compare without
/// case, a default port equals no port, an empty path equals "/", the fragment is not part of a document's address,
/// and — for documents and sites, not for the hosted-assertion scope — http and https on the same host and default
/// ports are one site (real issuers name ids with http and serve them over https). Path and query compare exactly:
/// a different path or query is a different document.
/// </summary>
public static class WebIdentity
{
    /// <summary>
    /// The one "is this an absolute http(s) URL" parse in the engine and its hosts: absolute, scheme http or https, a
    /// host; else null. User information is parsed off (the host is what follows '@') and never appears in an origin
    /// (<see cref="OriginOf"/>); the fetcher refuses such URLs outright (<c>Fetching/UrlPolicy</c>).
    /// </summary>
    public static Uri? HttpUrl(string? text) =>
        text is not null && Uri.TryCreate(text, UriKind.Absolute, out var url) && IsHttp(url) ? url : null;

    public static bool IsHttp(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.IdnHost.Length > 0;
    }

    /// <summary>True when both name the same web origin in the RFC 6454 sense: scheme, host and port.</summary>
    public static bool SameOrigin(Uri a, Uri b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return IsHttp(a) && IsHttp(b) && WebOrigin.Of(a) == WebOrigin.Of(b);
    }

    /// <summary>
    /// The same origin, or http and https on the same host with default ports (one site served both ways: ids written
    /// with http, documents served over https). Used for documents and key origins; the hosted scope uses <see cref="SameOrigin"/>.
    /// </summary>
    public static bool SameSite(Uri a, Uri b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return SameOrigin(a, b)
            || (IsHttp(a) && IsHttp(b) && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.IsDefaultPort && b.IsDefaultPort);
    }

    /// <summary>True when both address the same document (same site, path and query; fragments ignored).</summary>
    public static bool SameDocument(Uri a, Uri b) =>
        SameSite(a, b)
        && string.Equals(PathOf(a), PathOf(b), StringComparison.Ordinal)
        && string.Equals(a.Query, b.Query, StringComparison.Ordinal);

    /// <summary>String form of <see cref="SameDocument(Uri, Uri)"/>: false unless both are absolute http(s) URLs.</summary>
    public static bool SameDocument(string? a, string? b) =>
        (a is not null && string.Equals(a, b, StringComparison.Ordinal) && IsHttpText(a))
        || (HttpUrl(a) is { } x && HttpUrl(b) is { } y && SameDocument(x, y));

    /// <summary>True when both are the same identifier: the same document for http(s) URLs, else the same string.</summary>
    public static bool SameId(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        return HttpUrl(a) is { } x && HttpUrl(b) is { } y ? SameDocument(x, y) && string.Equals(x.Fragment, y.Fragment, StringComparison.Ordinal) : string.Equals(a, b, StringComparison.Ordinal);
    }

    /// <summary>
    /// "https://host[:port]" — how a report names an origin-level identity (<see cref="WebOrigin.ToString"/>). Built
    /// from the parsed parts, so "https://real.edu@evil.example/" is named "https://evil.example", never with the
    /// user information that reads like another host.
    /// </summary>
    public static string OriginOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return WebOrigin.Of(url).ToString();
    }

    /// <summary>
    /// True when <paramref name="candidate"/> starts with <paramref name="prefix"/> with the origin as a boundary: both
    /// are parsed, their origins must be equal, and then the prefix's path (and query) must begin the candidate's, as
    /// OB 2.0 <c>startsWith</c> says. So "https://badges.real.edu" never admits "https://badges.real.edu.evil.com/…"
    /// nor "https://badges.real.edu:8443/…"; within the origin the comparison is the specification's plain prefix
    /// ("https://example.org/beths" admits "https://example.org/beths-robotics-badge.json"), so an issuer on a shared
    /// platform should end its prefix with "/".
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
        return full.StartsWith(head, StringComparison.Ordinal);
    }

    /// <summary>
    /// A parse-free positive answer for the common case "https://host/…" stated by "https://host/issuer": true only
    /// when <paramref name="url"/> begins with <paramref name="identity"/>'s scheme and authority, followed by the end,
    /// "/", "?" or "#". False means "not shown here" (callers then compare parsed URLs), never "different".
    /// </summary>
    public static bool StartsWithOriginOf(string url, string identity)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(identity);
        if (!IsHttpText(identity))
        {
            return false;
        }

        var hostStart = identity.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = identity.IndexOfAny(['/', '?', '#', '@', '\\'], hostStart);
        if (end >= 0 && identity[end] is '@' or '\\')
        {
            return false;
        }

        var origin = end < 0 ? identity.AsSpan() : identity.AsSpan(0, end);
        return url.AsSpan().StartsWith(origin, StringComparison.Ordinal)
            && (url.Length == origin.Length || url[origin.Length] is '/' or '?' or '#');
    }

    // Identical strings need no parse to be the same document; they only need to be http(s) URLs at all.
    private static bool IsHttpText(string text) =>
        text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase);

    private static string PathOf(Uri url) => url.AbsolutePath.Length == 0 ? "/" : url.AbsolutePath;
}

/// <summary>
/// An RFC 6454 origin of an absolute http(s) URL: scheme and host in lower case (the host as it goes on the wire,
/// punycode for IDNs), the port always explicit so a default port equals no port. Equality is origin equality.
/// </summary>
internal readonly record struct WebOrigin(string Scheme, string Host, int Port)
{
    public static WebOrigin Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new(url.Scheme.ToLowerInvariant(), url.IdnHost.ToLowerInvariant(), url.Port);
    }

    /// <summary>"scheme://host[:port]", the port only when it is not the scheme's default; IPv6 hosts in brackets.</summary>
    public override string ToString()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[') ? "[" + Host + "]" : Host;
        var defaultPort = Scheme == Uri.UriSchemeHttps ? 443 : Scheme == Uri.UriSchemeHttp ? 80 : -1;
        return Port == defaultPort ? $"{Scheme}://{host}" : $"{Scheme}://{host}:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
