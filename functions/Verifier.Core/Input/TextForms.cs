using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Verifier.Core.Input;

/// <summary>
/// The forms a badge arrives in besides JSON, a compact JWS and a URL — and the near misses worth naming: JSON that
/// does not parse (with where), an SD-JWT (not supported yet), a JWS or JSON document wrapped in base64, an HTML page.
/// Shared by the engine (<see cref="InputResolver"/>) and the HTTP hosts, which refuse what holds nothing verifiable
/// before a verification runs.
/// </summary>
public static class TextForms
{
    /// <summary>A wrapped payload is unwrapped once; longer text is not a wrapped badge (the HTTP body cap is 10 MB).</summary>
    private const int MaxWrappedChars = 16 * 1024 * 1024;

    /// <summary>How far into a body the HTML test looks.</summary>
    private const int HtmlWindow = 1024;

    private static readonly SearchValues<char> Base64UrlChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly SearchValues<char> Base64AnyChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=\r\n \t");

    /// <summary>
    /// Null when the text parses as JSON; otherwise the parser's reason with its line and byte (1-based), e.g.
    /// "'\"' is invalid after a value. Expected either ',', '}', or ']' (line 4, byte 3)".
    /// </summary>
    public static string? JsonSyntaxError(string text) => JsonSyntaxError(Encoding.UTF8.GetBytes(text));

    /// <summary><see cref="JsonSyntaxError(string)"/> over UTF-8, read once with a forward-only reader (no document built).</summary>
    public static string? JsonSyntaxError(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (cut > 0 ? message[..cut] : message).TrimEnd().TrimEnd('.');
            return e.LineNumber is { } line ? $"{message} (line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1})" : message;
        }
    }

    /// <summary>
    /// SD-JWT (RFC 9901 §4): an issuer-signed compact JWS followed by '~' and base64url disclosures, ending in '~' or a
    /// key-binding JWT. The issuer JWT alone is not what the holder presents, so it is recognised and named, not verified.
    /// </summary>
    public static bool IsSdJwt(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var tilde = text.IndexOf('~');
        if (tilde <= 0 || !PayloadClassifier.LooksLikeCompactJws(text[..tilde]))
        {
            return false;
        }

        foreach (var range in text[(tilde + 1)..].Split('~'))
        {
            var part = text[(tilde + 1)..][range];
            if (!part.IsEmpty && part.ContainsAnyExcept(Base64UrlChars) && !PayloadClassifier.LooksLikeCompactJws(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The text inside a base64 or base64url wrapping (line breaks and padding allowed) when it decodes to UTF-8 that is
    /// itself a compact JWS or a JSON object; null otherwise. Unwrapped once: the result is never unwrapped again.
    /// </summary>
    public static string? UnwrapBase64(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length < 8 || text.Length > MaxWrappedChars || text.ContainsAnyExcept(Base64AnyChars))
        {
            return null;
        }

        // Base64 and base64url differ in two characters; normalise to base64url without padding or white space.
        var normalized = new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (c is not ('=' or '\r' or '\n' or ' ' or '\t'))
            {
                normalized[n++] = c == '+' ? '-' : c == '/' ? '_' : c;
            }
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(normalized.AsSpan(0, n));
        }
        catch (FormatException)
        {
            return null;
        }

        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var inner = Encoding.UTF8.GetString(bytes).Trim().TrimStart('\uFEFF');
        return inner.StartsWith('{') || PayloadClassifier.LooksLikeCompactJws(inner) ? inner : null;
    }

    /// <summary>An HTML document: a doctype or an &lt;html&gt; element near the start (an SVG is sniffed before this).</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> data)
    {
        var head = Encoding.UTF8.GetString(data[..Math.Min(data.Length, HtmlWindow)]).TrimStart('\uFEFF').TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith('<') && head.Contains("<html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What to say when someone sends a web page where a badge was expected.</summary>
    public const string WebPageAdvice =
        "this is a web page (HTML), not a badge. A badge is a baked PNG or SVG image, its JSON (an assertion or a credential), a compact JWS/JWT, or the URL of one: on a badge platform's page look for a download link for the badge image, a \"verify\" or \"share\" link, or the assertion URL";
}
