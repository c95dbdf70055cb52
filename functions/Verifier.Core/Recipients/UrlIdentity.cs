using System.Globalization;

namespace Verifier.Core.Recipients;

/// <summary>
/// An absolute http(s) URL split by hand (RFC 3986 §3) rather than with <c>System.Uri</c>, whose normalisation
/// is too generous for identity: it maps the host through IDNA/UTS #46, so "https://\u212Aey.example" (Kelvin sign)
/// equals "https://key.example", and it unescapes and rewrites paths. Equality here: scheme and host
/// ASCII-case-insensitive (RFC 3986 §6.2.2.1), everything else ordinal, and an empty path equals "/" (§6.2.3).
/// </summary>
internal readonly record struct UrlIdentity(string Scheme, string UserInfo, string Host, string Port, string Rest)
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>True for "http://" or "https://" (scheme in any ASCII case) with a non-empty host and no white space.</summary>
    public static bool TryParse(string value, out UrlIdentity url)
    {
        url = default;
        var sep = value.IndexOf("://", StringComparison.Ordinal);
        if (sep < 0 || !(AsciiCase.EqualsIgnoreCase(value.AsSpan(0, sep), "http") || AsciiCase.EqualsIgnoreCase(value.AsSpan(0, sep), "https")))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        var start = sep + 3;
        var end = value.AsSpan(start).IndexOfAny('/', '?', '#');
        var authority = end < 0 ? value[start..] : value.Substring(start, end);
        var rest = end < 0 ? string.Empty : value[(start + end)..];
        var at = authority.LastIndexOf('@');
        var userInfo = at < 0 ? string.Empty : authority[..at];
        var hostPort = authority[(at + 1)..];
        var portColon = hostPort.LastIndexOf(':');
        if (portColon >= 0 && hostPort.IndexOf(']', StringComparison.Ordinal) > portColon)
        {
            portColon = -1; // the colons of an IPv6 literal [..] are not a port separator
        }

        var host = portColon < 0 ? hostPort : hostPort[..portColon];
        var port = portColon < 0 ? string.Empty : hostPort[(portColon + 1)..];
        if (host.Length == 0)
        {
            return false;
        }

        url = new UrlIdentity(value[..sep], userInfo, host, port, rest.Length == 0 || rest[0] != '/' ? "/" + rest : rest);
        return true;
    }

    /// <summary>The URL with scheme and host in ASCII lower case (RFC 3986 §6.2.2.1), the rest exactly as written.</summary>
    public static string? WithLowerSchemeAndHost(string value)
    {
        if (!TryParse(value, out var url))
        {
            return null;
        }

        var sep = value.IndexOf("://", StringComparison.Ordinal) + 3;
        var hostAt = value.IndexOf(url.Host, sep + (url.UserInfo.Length == 0 ? 0 : url.UserInfo.Length + 1), StringComparison.Ordinal);
        return string.Concat(AsciiCase.ToLower(value[..sep]), value.AsSpan(sep, hostAt - sep), AsciiCase.ToLower(url.Host), value.AsSpan(hostAt + url.Host.Length));
    }

    public static bool AreEqual(string a, string b) =>
        TryParse(a, out var x) && TryParse(b, out var y)
        && AsciiCase.EqualsIgnoreCase(x.Scheme, y.Scheme)
        && string.Equals(x.UserInfo, y.UserInfo, StringComparison.Ordinal)
        && HostsEqual(x.Host, y.Host)
        && string.Equals(x.Port, y.Port, StringComparison.Ordinal)
        && string.Equals(x.Rest, y.Rest, StringComparison.Ordinal);

    /// <summary>
    /// ASCII hosts fold ASCII case only. A Unicode host equals another host only through its punycode (RFC 5891
    /// A-label), and only when it already is in IDNA's canonical form: its A-label must decode back to exactly the
    /// host as written. Otherwise IDNA's mapping step (UTS #46: case folding, NFKC) would have changed it, which is
    /// how "\u212Aey" (Kelvin sign) becomes "key"; such a host equals nothing but itself.
    /// </summary>
    private static bool HostsEqual(string a, string b)
    {
        if (AsciiCase.EqualsIgnoreCase(a, b))
        {
            return true;
        }

        if (System.Text.Ascii.IsValid(a) && System.Text.Ascii.IsValid(b))
        {
            return false;
        }

        return CanonicalALabel(a) is { } x && CanonicalALabel(b) is { } y && AsciiCase.EqualsIgnoreCase(x, y);
    }

    private static string? CanonicalALabel(string host)
    {
        var lowered = AsciiCase.ToLower(host);
        if (System.Text.Ascii.IsValid(lowered))
        {
            return lowered;
        }

        try
        {
            var aLabel = Idn.GetAscii(lowered);
            return string.Equals(Idn.GetUnicode(aLabel), lowered, StringComparison.Ordinal) ? aLabel : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
