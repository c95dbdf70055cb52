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
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static SniffedFormat Sniff(ReadOnlySpan<byte> data)
    {
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
            // An SVG document: an XML declaration, comments or a doctype may precede the root element.
            var head = rest[..Math.Min(rest.Length, 4096)];
            return head.IndexOf("<svg"u8) >= 0 ? SniffedFormat.Svg : SniffedFormat.Unknown;
        }

        if (rest.Length > 16 * 1024)
        {
            return SniffedFormat.Unknown;
        }

        var text = PayloadClassifier.Utf8(rest);
        return PayloadClassifier.KindOf(text) switch
        {
            PayloadKind.Jws => SniffedFormat.Jws,
            PayloadKind.Url => SniffedFormat.Url,
            PayloadKind.Json => SniffedFormat.Json,
            _ => SniffedFormat.Unknown,
        };
    }
}
