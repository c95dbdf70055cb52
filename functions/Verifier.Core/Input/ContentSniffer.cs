using Verifier.Core.Baking;

namespace Verifier.Core.Input;

public enum SniffedFormat
{
    Unknown,
    Png,
    Svg,
    Json,
    Jws,
    Url,
}

/// <summary>Decides what bytes are from their content alone; declared media types and file names are hints only.</summary>
public static class ContentSniffer
{
    /// <summary>How far into a document the XML prolog (declaration, comments, DOCTYPE) is scanned for the root element.</summary>
    private const int XmlPrologWindow = 64 * 1024;

    /// <summary>URLs longer than this are not badge URLs (browsers and servers cap far lower).</summary>
    private const int MaxUrlBytes = 8 * 1024;

    private const string Base64UrlOrDot = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private static readonly System.Buffers.SearchValues<char> Base64UrlOrDotChars = System.Buffers.SearchValues.Create(Base64UrlOrDot);

    private static readonly System.Buffers.SearchValues<byte> Base64UrlOrDotBytes = System.Buffers.SearchValues.Create(System.Text.Encoding.ASCII.GetBytes(Base64UrlOrDot));

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static SniffedFormat Sniff(ReadOnlySpan<byte> data)
    {
        // PNG §5.2: the full eight-byte signature, not just "PNG".
        if (data.StartsWith(PngSignature))
        {
            return SniffedFormat.Png;
        }

        // Skip a UTF-8 byte order mark and leading white space.
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            data = data[3..];
        }

        var i = 0;
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        var rest = data[i..];
        if (rest.IsEmpty)
        {
            return SniffedFormat.Unknown;
        }

        if (rest[0] == (byte)'{')
        {
            return SniffedFormat.Json;
        }

        if (rest[0] == (byte)'<')
        {
            // SVG only when the root element is <svg> (any prefix) after the XML prolog: an HTML or other XML document
            // that merely contains "<svg" somewhere is not a baked badge.
            var head = rest[..Math.Min(rest.Length, XmlPrologWindow)];
            return XmlProlog.TryScan(head, out var doctype, out var root) && (doctype == DoctypeKind.InternalSubset || XmlProlog.IsSvgRoot(root))
                ? SniffedFormat.Svg
                : SniffedFormat.Unknown;
        }

        var end = rest.Length;
        while (end > 0 && rest[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            end--;
        }

        rest = rest[..end];

        // A compact JWS is checked on the bytes: VC-JWTs with embedded images run to hundreds of kilobytes.
        if (IsCompactJwsShape(rest))
        {
            return SniffedFormat.Jws;
        }

        if (rest.Length > MaxUrlBytes)
        {
            return SniffedFormat.Unknown;
        }

        return PayloadClassifier.KindOf(PayloadClassifier.Utf8(rest)) == PayloadKind.Url ? SniffedFormat.Url : SniffedFormat.Unknown;
    }

    /// <summary>
    /// <see cref="Sniff"/> of the UTF-8 encoding of <paramref name="text"/>, decided on the characters, for the two
    /// answers that need no bytes: <see cref="SniffedFormat.Json"/> and <see cref="SniffedFormat.Jws"/>. Null for
    /// anything else (the caller then sniffs the bytes). UTF-8 never starts with the PNG signature's 0x89.
    /// </summary>
    internal static SniffedFormat? SniffTextShortcut(ReadOnlySpan<char> text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        text = text.TrimStart(" \t\r\n");
        if (text.IsEmpty)
        {
            return null;
        }

        if (text[0] == '{')
        {
            return SniffedFormat.Json;
        }

        text = text.TrimEnd(" \t\r\n");
        return text.StartsWith("ey", StringComparison.Ordinal) && !text.ContainsAnyExcept(Base64UrlOrDotChars) && text.Count('.') == 2
            ? SniffedFormat.Jws
            : null;
    }

    /// <summary>RFC 7515 §7.1: three base64url segments joined by dots; a JOSE header ('{') always encodes to "ey".</summary>
    private static bool IsCompactJwsShape(ReadOnlySpan<byte> text)
    {
        if (!text.StartsWith("ey"u8))
        {
            return false;
        }

        // Empty payload or signature segments still count (e.g. alg "none"): the verifier rejects them with a reason.
        // Vectorized: the whole token is scanned on every verification.
        return !text.ContainsAnyExcept(Base64UrlOrDotBytes) && text.Count((byte)'.') == 2;
    }
}
