using System.Text;

namespace Verifier.Core.Baking;

/// <summary>
/// Bakes a badge into a PNG the way Open Badges 2.0 Baking and 3.0 §5.3.2.1 describe: one uncompressed iTXt chunk
/// (empty language tag and translated keyword) placed right after IHDR. Any earlier badge, in iTXt, tEXt or zTXt and
/// under any of the three badge keywords, is removed ("the implementor may choose ... to overwrite"): an image holds
/// one badge, and the reader refuses two different ones. Every other byte is copied unchanged, so the image is never
/// re-encoded; an image with a badge keyword after IEND is not baked (the reader would refuse the result).
/// </summary>
internal static class PngBaker
{
    /// <summary>Bakes <paramref name="payload"/> (JSON, compact JWS or URL); throws <see cref="ArgumentException"/> for a malformed PNG.</summary>
    public static byte[] Bake(ReadOnlySpan<byte> png, string payload, string keyword = PngBadgeReader.OpenBadgesKeyword) =>
        TryBake(png, payload, keyword, out var baked, out var error) ? baked : throw new ArgumentException(error, nameof(png));

    public static bool TryBake(ReadOnlySpan<byte> png, string payload, string keyword, out byte[] baked, out string? error)
    {
        baked = [];
        ArgumentNullException.ThrowIfNull(payload);
        if (!IsValidKeyword(keyword))
        {
            error = $"'{keyword}' is not a PNG keyword (1–79 printable Latin-1 characters, PNG §11.3.3.2)";
            return false;
        }

        var text = Encoding.UTF8.GetBytes(payload);
        if (text.Length > BakingLimits.MaxPayloadBytes)
        {
            error = $"the payload is {text.Length} bytes; badges larger than {BakingLimits.MaxPayloadBytes} bytes are not baked";
            return false;
        }

        if (!png.StartsWith(PngChunkReader.Signature))
        {
            error = "not a PNG: the 8-byte signature is missing (PNG §5.2)";
            return false;
        }

        var keywordBytes = Encoding.Latin1.GetBytes(keyword);
        var chunkData = ItxtData(keywordBytes, text);
        using var output = new MemoryStream(png.Length + chunkData.Length + 12);
        output.Write(png[..PngChunkReader.Signature.Length]);
        var offset = PngChunkReader.Signature.Length;
        var sawIend = false;
        while (!sawIend)
        {
            if (PngChunkReader.TryRead(png, offset, out var chunk, out error) != PngChunkStatus.Ok)
            {
                return false;
            }

            sawIend = chunk.Is(PngChunkReader.Iend);
            var isFirst = offset == PngChunkReader.Signature.Length;
            if (isFirst && !chunk.Is(PngChunkReader.Ihdr))
            {
                error = "the first chunk is not IHDR (PNG §5.6)";
                return false;
            }

            if (!IsBadgeChunk(chunk))
            {
                output.Write(png.Slice(offset, chunk.TotalLength));
            }

            if (isFirst)
            {
                var buffer = new byte[chunkData.Length + 12];
                PngChunkReader.Write(buffer, PngChunkReader.Itxt, chunkData);
                output.Write(buffer);
            }

            offset += chunk.TotalLength;
        }

        // Bytes after IEND are not part of the datastream; they are kept as they were, unless they hide a badge.
        if (PngTrailer.FindBadgeKeyword(png[offset..]) is { } hidden)
        {
            error = $"the image holds the badge keyword \"{hidden.Keyword}\" after IEND; such images are refused when unbaked, so it is not baked";
            return false;
        }

        output.Write(png[offset..]);
        baked = output.ToArray();
        error = null;
        return true;
    }

    /// <summary>§11.3.3.5 layout: keyword, 0, compression flag 0, method 0, empty language tag, 0, empty translated keyword, 0, text.</summary>
    private static byte[] ItxtData(byte[] keyword, byte[] text)
    {
        var data = new byte[keyword.Length + 5 + text.Length];
        keyword.CopyTo(data, 0);
        text.CopyTo(data, keyword.Length + 5);
        return data;
    }

    private static bool IsBadgeChunk(in PngChunk chunk) =>
        (chunk.Is(PngChunkReader.Itxt) || chunk.Is(PngChunkReader.Text) || chunk.Is(PngChunkReader.Ztxt))
        && PngTextParser.TryReadKeyword(chunk.Data, out var existing)
        && (existing.SequenceEqual("openbadges"u8) || existing.SequenceEqual("openbadgecredential"u8) || existing.SequenceEqual("clrcredential"u8));

    /// <summary>PNG §11.3.3.2: 1–79 bytes of printable Latin-1 (32–126, 161–255), no leading, trailing or double spaces.</summary>
    private static bool IsValidKeyword(string keyword) =>
        keyword.Length is >= 1 and <= PngTextParser.MaxKeywordLength
        && keyword.All(c => c is (>= ' ' and <= '~') or (>= '\u00A1' and <= '\u00FF'))
        && !keyword.StartsWith(' ') && !keyword.EndsWith(' ') && !keyword.Contains("  ", StringComparison.Ordinal);
}
