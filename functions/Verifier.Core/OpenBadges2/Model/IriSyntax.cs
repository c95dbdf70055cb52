using System.Buffers;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges2.Model;

/// <summary>
/// Syntax checks for the IRI and URL datatypes (Primitive datatypes). Plain ASCII values — nearly all badge URLs —
/// are checked by scanning (an explicit RFC 3986 scheme, and an authority for http(s)); anything else falls back to
/// <see cref="Uri"/> parsing. An explicit scheme is always required: on Unix "/path" would otherwise parse as an
/// absolute file URI.
/// </summary>
internal static class IriSyntax
{
    // RFC 3986 unreserved, reserved and '%' for escapes; no space, quote, angle bracket, backslash or control.
    private static readonly SearchValues<char> UriChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%");

    private static readonly SearchValues<char> HostChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._");

    public static bool IsIri(string? text)
    {
        var colon = SchemeLength(text);
        if (colon < 0)
        {
            return false;
        }

        return !text.AsSpan().ContainsAnyExcept(UriChars) || Uri.TryCreate(text, UriKind.Absolute, out _);
    }

    /// <summary>A fully qualified http or https URL with a host.</summary>
    public static bool IsHttpUrl(string? text)
    {
        if (text is null)
        {
            return false;
        }

        var rest = text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? text.AsSpan(8)
            : text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? text.AsSpan(7)
            : default;
        if (rest.IsEmpty || rest[0] is '/' or '?' or '#' or '@' or ':')
        {
            return false;
        }

        // Fast path only for a plain host name (what System.Uri accepts: letters, digits, '-', '_', '.' without empty
        // labels); anything else (ports, userinfo, IP literals, sub-delims such as ')' or ']') goes to Uri. Found by
        // fuzzing: "https://example.o]g/a" passed the scan, then new Uri(...) threw in the hosted verification.
        var end = rest.IndexOfAny('/', '?', '#');
        var host = end < 0 ? rest : rest[..end];
        if (!rest.ContainsAnyExcept(UriChars) && !host.IsEmpty && !host.ContainsAnyExcept(HostChars) && host[0] != '.'
            && !host.Contains("..", StringComparison.Ordinal))
        {
            return true;
        }

        return WebIdentity.HttpUrl(text) is not null;
    }

    private static int SchemeLength(string? text)
    {
        if (text is null)
        {
            return -1;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || !char.IsAsciiLetter(text[0]))
        {
            return -1;
        }

        foreach (var c in text.AsSpan(0, colon))
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return -1;
            }
        }

        return colon;
    }
}
