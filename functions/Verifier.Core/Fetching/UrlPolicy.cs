using System.Net;

namespace Verifier.Core.Fetching;

/// <summary>
/// Checks a URL before any request is made for it (the first URL and every redirect target). Host names are
/// checked again on their resolved addresses in the connect callback; literal addresses are refused here, so a
/// refused literal never opens a socket.
/// </summary>
internal static class UrlPolicy
{
    /// <summary>Returns null when the URL may be requested, else the reason it may not.</summary>
    public static string? Refusal(Uri url, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return "only absolute http and https URLs are fetched";
        }

        // file:, ftp:, gopher:, data:, jar: and friends reach local files or other protocols: never fetched.
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return $"the {url.Scheme} scheme is never fetched (only http and https)";
        }

        // "http://example.org@10.0.0.1/" looks like example.org to a person but goes to 10.0.0.1; credentials
        // in URLs are also a leak. Neither has a use in a badge URL.
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "URLs with user information (user@host) are never fetched";
        }

        // IdnHost is what goes on the wire and to the resolver. System.Uri already normalises decimal, octal and
        // hex IPv4 spellings (2130706433, 0177.0.0.1, 0x7f.1) and full-width digits to dotted decimal here.
        var host = url.IdnHost;
        if (host.Length == 0)
        {
            return "the URL has no host";
        }

        if (host.Contains('%', StringComparison.Ordinal))
        {
            return "IPv6 zone identifiers are never fetched";
        }

        // A trailing dot ("127.0.0.1.", "0x7f.0.0.1.") makes System.Uri call it a name; it is still an address.
        if (IPAddress.TryParse(host.Trim('[', ']').TrimEnd('.'), out var literal))
        {
            var refusal = AddressPolicy.Refusal(literal, allowLoopback);
            return refusal is null ? null : $"{host} is a {AddressPolicy.Describe(refusal)}, which is never fetched";
        }

        return null;
    }
}
