namespace Verifier.Core.Baking;

/// <summary>The fields of a tEXt, zTXt or iTXt chunk (PNG §11.3.3.3–§11.3.3.5), as views into the chunk data.</summary>
internal readonly ref struct PngTextChunk
{
    public ReadOnlySpan<byte> Keyword { get; init; }

    /// <summary>iTXt compression flag 1, or any zTXt (always compressed).</summary>
    public bool Compressed { get; init; }

    public byte CompressionMethod { get; init; }

    /// <summary>iTXt only: an RFC 3066 / BCP 47 tag in ASCII, possibly empty.</summary>
    public ReadOnlySpan<byte> LanguageTag { get; init; }

    /// <summary>iTXt only: the keyword translated into the language tag's language, UTF-8, possibly empty.</summary>
    public ReadOnlySpan<byte> TranslatedKeyword { get; init; }

    /// <summary>Latin-1 for tEXt, UTF-8 for iTXt; compressed bytes (zlib) when <see cref="Compressed"/>.</summary>
    public ReadOnlySpan<byte> Text { get; init; }
}

internal static class PngTextParser
{
    /// <summary>PNG §11.3.3.2: keywords are 1–79 bytes followed by a null separator.</summary>
    public const int MaxKeywordLength = 79;

    /// <summary>Reads the keyword that starts every text chunk; false when there is no null within 80 bytes.</summary>
    public static bool TryReadKeyword(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> keyword)
    {
        var nul = data[..Math.Min(data.Length, MaxKeywordLength + 1)].IndexOf((byte)0);
        keyword = nul > 0 ? data[..nul] : default;
        return nul > 0;
    }

    /// <summary>Splits a chunk's data by its type; the error names the field that is missing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data, out PngTextChunk chunk, out string? error)
    {
        chunk = default;
        if (!TryReadKeyword(data, out var keyword))
        {
            error = "its keyword is not 1–79 bytes followed by a null separator (PNG §11.3.3.2)";
            return false;
        }

        var rest = data[(keyword.Length + 1)..];
        if (type.SequenceEqual(PngChunkReader.Text))
        {
            // §11.3.3.3 tEXt: keyword, null, text (Latin-1, no terminator).
            chunk = new PngTextChunk { Keyword = keyword, Text = rest };
            error = null;
            return true;
        }

        if (type.SequenceEqual(PngChunkReader.Ztxt))
        {
            // §11.3.3.4 zTXt: keyword, null, compression method, zlib datastream.
            if (rest.IsEmpty)
            {
                error = "the zTXt chunk has no compression method byte (PNG §11.3.3.4)";
                return false;
            }

            chunk = new PngTextChunk { Keyword = keyword, Compressed = true, CompressionMethod = rest[0], Text = rest[1..] };
            error = null;
            return true;
        }

        return TryParseItxt(keyword, rest, out chunk, out error);
    }

    /// <summary>
    /// §11.3.3.5 iTXt: keyword, null, compression flag, compression method, language tag, null, translated keyword,
    /// null, text. The tag and translated keyword are parsed (not skipped by guessing) so that text starting after
    /// them is exactly what the encoder wrote, whatever they contain.
    /// </summary>
    private static bool TryParseItxt(ReadOnlySpan<byte> keyword, ReadOnlySpan<byte> rest, out PngTextChunk chunk, out string? error)
    {
        chunk = default;
        if (rest.Length < 2)
        {
            error = "the iTXt chunk ends before its compression flag and method (PNG §11.3.3.5)";
            return false;
        }

        var flag = rest[0];
        var method = rest[1];
        if (flag > 1)
        {
            error = $"the iTXt compression flag is {flag}; PNG §11.3.3.5 allows only 0 (uncompressed) or 1 (compressed)";
            return false;
        }

        rest = rest[2..];
        var tagEnd = rest.IndexOf((byte)0);
        if (tagEnd < 0)
        {
            error = "the iTXt language tag has no null separator (PNG §11.3.3.5)";
            return false;
        }

        var tag = rest[..tagEnd];
        rest = rest[(tagEnd + 1)..];
        var translatedEnd = rest.IndexOf((byte)0);
        if (translatedEnd < 0)
        {
            error = "the iTXt translated keyword has no null separator (PNG §11.3.3.5)";
            return false;
        }

        chunk = new PngTextChunk
        {
            Keyword = keyword,
            Compressed = flag == 1,
            CompressionMethod = method,
            LanguageTag = tag,
            TranslatedKeyword = rest[..translatedEnd],
            Text = rest[(translatedEnd + 1)..],
        };
        error = null;
        return true;
    }
}
