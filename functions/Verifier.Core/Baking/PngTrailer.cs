namespace Verifier.Core.Baking;

/// <summary>
/// Bytes after IEND. PNG §5.6: IEND "marks the end of the PNG datastream", so a conforming decoder stops there, but
/// a reader that scans the whole file for text chunks (or a second, appended PNG) would find a badge hidden after it
/// and show a different badge than the one verified. Such trailers are refused; any other trailer is reported.
/// </summary>
internal static class PngTrailer
{
    private static readonly byte[][] Keywords =
    [
        "openbadges\0"u8.ToArray(),
        "openbadgecredential\0"u8.ToArray(),
        "clrcredential\0"u8.ToArray(),
    ];

    /// <summary>
    /// The first Open Badges keyword followed by the NUL that ends a text chunk's keyword (PNG §11.3.3.2): the
    /// signature of an iTXt/tEXt/zTXt badge chunk, whole or broken, in any alignment. Null when there is none.
    /// </summary>
    public static (string Keyword, int Offset)? FindBadgeKeyword(ReadOnlySpan<byte> trailer)
    {
        (string, int)? first = null;
        foreach (var keyword in Keywords)
        {
            var at = trailer.IndexOf(keyword);
            if (at >= 0 && (first is null || at < first.Value.Item2))
            {
                first = (System.Text.Encoding.ASCII.GetString(keyword, 0, keyword.Length - 1), at);
            }
        }

        return first;
    }

    /// <summary>The verdict on the bytes after IEND (<paramref name="iendEnd"/> is where the IEND chunk ends).</summary>
    public static UnbakeResult Judge(UnbakeResult found, ReadOnlySpan<byte> png, int iendEnd)
    {
        var trailer = png[iendEnd..];
        if (trailer.IsEmpty)
        {
            return found;
        }

        if (FindBadgeKeyword(trailer) is { } hidden)
        {
            var what = found.Status == UnbakeStatus.Found ? "a second badge after IEND" : "a badge hidden after IEND";
            return UnbakeResult.Malformed(
                $"{what}: {trailer.Length} byte(s) follow the end of the PNG datastream (PNG §5.6) and hold an \"{hidden.Keyword}\" text-chunk keyword at offset {iendEnd + hidden.Offset}; a reader that does not stop at IEND would show that badge, so the image is refused");
        }

        return found with
        {
            Warnings = [.. found.Warnings, $"{trailer.Length} byte(s) after the IEND chunk (offset {iendEnd}) were ignored: they are not part of the PNG datastream (PNG §5.6) and hold no Open Badges keyword"],
        };
    }
}
