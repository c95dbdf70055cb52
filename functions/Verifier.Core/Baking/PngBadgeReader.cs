using System.Text;
using System.Text.Unicode;
using Verifier.Core.Input;

namespace Verifier.Core.Baking;

/// <summary>
/// Reads the baked badge from a PNG by walking chunks (PNG Second Edition §5), never decoding pixels.
/// Open Badges 2.0 Baking: the first iTXt "openbadges" chunk holds JSON or a JWS (or a URL); legacy 1.0 images hold a
/// URL in a tEXt "openbadges" chunk. Open Badges 3.0 §5.3.2.1 / CLR 2.0: iTXt "openbadgecredential" / "clrcredential".
/// Nothing that could hold a badge is left unread: every badge chunk is read, so a second one with a different
/// payload is refused (baking allows one, and a displayer may show the other), and so is a badge keyword after IEND.
/// </summary>
internal static class PngBadgeReader
{
    public const string OpenBadgesKeyword = "openbadges";
    public const string OpenBadgeCredentialKeyword = "openbadgecredential";
    public const string ClrCredentialKeyword = "clrcredential";

    public static UnbakeResult Read(ReadOnlySpan<byte> png)
    {
        if (!png.StartsWith(PngChunkReader.Signature))
        {
            return UnbakeResult.Malformed("not a PNG: the file does not start with the 8-byte PNG signature (PNG §5.2)");
        }

        UnbakeResult? found = null;
        List<string>? warnings = null;
        var offset = PngChunkReader.Signature.Length;
        while (true)
        {
            if (PngChunkReader.TryRead(png, offset, out var chunk, out var error) != PngChunkStatus.Ok)
            {
                return WithWarnings(UnbakeResult.Malformed(error!), warnings);
            }

            // §5.6: IHDR shall be first; §11.2.2: its data is exactly 13 bytes.
            if (offset == PngChunkReader.Signature.Length && (!chunk.Is(PngChunkReader.Ihdr) || chunk.Data.Length != 13))
            {
                return UnbakeResult.Malformed($"the first chunk is {chunk.TypeName} ({chunk.Data.Length} bytes), not a 13-byte IHDR (PNG §5.6, §11.2.2)");
            }

            // Every chunk read is CRC-checked (§5.3). Image data (IDAT) is only skipped over, never read, so its CRC is
            // left to image decoders: hashing ~all of the file would cost 20x the rest of unbaking.
            if (!chunk.Is(PngChunkReader.Idat) && !chunk.CrcMatches())
            {
                return WithWarnings(UnbakeResult.Malformed(
                    $"the {chunk.TypeName} chunk at offset {offset} fails its CRC-32 check (PNG §5.3): the image is corrupt or was altered"), warnings);
            }

            if (chunk.Is(PngChunkReader.Iend))
            {
                // §11.2.5: "The chunk's data field is empty." Data here is where a reader that trusts the type and
                // skips a fixed 12 bytes would resynchronise on something else.
                if (!chunk.Data.IsEmpty)
                {
                    return UnbakeResult.Malformed($"the IEND chunk at offset {offset} carries {chunk.Data.Length} data byte(s); its data field is empty (PNG §11.2.5)");
                }

                break;
            }

            if (IsTextChunk(chunk.Type) && PngTextParser.TryReadKeyword(chunk.Data, out var keyword) && TryMatch(keyword, out var name, out var family))
            {
                var location = $"png:{chunk.TypeName}:{name}";
                var read = ReadBadgeChunk(chunk, name, location, family);
                if (found is null)
                {
                    found = read;
                    if (found.Status == UnbakeStatus.Malformed)
                    {
                        return WithWarnings(found, warnings);
                    }
                }
                else if (SecondChunk(found, read, location, offset) is { } refused)
                {
                    return refused;
                }
                else
                {
                    (warnings ??= []).Add(
                        $"a second badge chunk ({location} at offset {offset}) repeats the payload of the first ({found.Location}) and was ignored: Open Badges baking allows only one");
                }
            }

            offset += chunk.TotalLength;
        }

        var result = WithWarnings(found ?? UnbakeResult.None("the PNG carries no iTXt or tEXt chunk with the keyword openbadges, openbadgecredential or clrcredential"), warnings);
        return PngTrailer.Judge(result, png, offset + 12);
    }

    /// <summary>A refusal when a second badge chunk cannot be read or holds another payload; null when it repeats the first.</summary>
    private static UnbakeResult? SecondChunk(UnbakeResult first, UnbakeResult second, string location, int offset)
    {
        if (second.Status != UnbakeStatus.Found)
        {
            return UnbakeResult.Malformed(
                $"a second badge chunk ({location} at offset {offset}) cannot be read ({second.Error}), so it may be a different badge than {first.Location}; Open Badges baking allows only one");
        }

        return string.Equals(first.Payload, second.Payload, StringComparison.Ordinal) ? null : UnbakeResult.Malformed(
            $"two different badges in one image: {first.Location} and {location} (offset {offset}) hold different payloads; Open Badges baking allows only one, and which of them a displayer shows is ambiguous, so neither is accepted");
    }

    private static UnbakeResult ReadBadgeChunk(in PngChunk chunk, string name, string location, BadgeFamily family)
    {
        if (!PngTextParser.TryParse(chunk.Type, chunk.Data, out var text, out var error))
        {
            return UnbakeResult.Malformed($"the {location} chunk at offset {chunk.Offset} is malformed: {error}");
        }

        if (text.Compressed)
        {
            return CompressedError(text, location);
        }

        if (text.Text.Length > BakingLimits.MaxPayloadBytes)
        {
            return UnbakeResult.Malformed(
                $"the {location} chunk holds {text.Text.Length} bytes of text, more than the {BakingLimits.MaxPayloadBytes / (1024 * 1024)} MiB allowed for a badge");
        }

        string payload;
        List<string>? warnings = null;
        if (chunk.Is(PngChunkReader.Text))
        {
            // §11.3.3.3: tEXt text is Latin-1. The legacy 1.0 form holds a URL (ASCII).
            payload = Encoding.Latin1.GetString(text.Text);
            if (name != OpenBadgesKeyword)
            {
                warnings = [$"Open Badges 3.0 bakes credentials into an iTXt chunk; read the tEXt {name} chunk as Latin-1 text"];
            }
        }
        else
        {
            // §11.3.3.5: iTXt text is UTF-8; reject rather than silently replace invalid sequences.
            if (!Utf8.IsValid(text.Text))
            {
                return UnbakeResult.Malformed($"the text of the {location} chunk is not valid UTF-8 (PNG §11.3.3.5)");
            }

            payload = Encoding.UTF8.GetString(text.Text);
        }

        return WithWarnings(UnbakeResult.Found(payload, location, family), warnings);
    }

    private static UnbakeResult CompressedError(in PngTextChunk text, string location)
    {
        var why = $"the {location} chunk is compressed; Open Badges baking forbids compression (\"Compression MUST NOT be used\"), so the badge is not accepted";
        if (text.CompressionMethod != 0)
        {
            return UnbakeResult.Malformed($"{why}; its compression method {text.CompressionMethod} is not even zlib (PNG §10.1)");
        }

        var inflated = BoundedInflater.Inflate(text.Text, BakingLimits.MaxInflatedPreviewBytes, out var cut);
        if (inflated is null)
        {
            return UnbakeResult.Malformed($"{why}; its zlib data is corrupt");
        }

        var preview = Encoding.UTF8.GetString(inflated.AsSpan(0, Math.Min(inflated.Length, 120)));
        var size = cut ? $"more than {BakingLimits.MaxInflatedPreviewBytes / 1024} KiB (inflating stopped there)" : $"{inflated.Length} bytes";
        return UnbakeResult.Malformed($"{why}; it inflates to {size} beginning \"{preview}\"");
    }

    private static bool IsTextChunk(ReadOnlySpan<byte> type) =>
        type.SequenceEqual(PngChunkReader.Itxt) || type.SequenceEqual(PngChunkReader.Text) || type.SequenceEqual(PngChunkReader.Ztxt);

    /// <summary>Keywords are case-sensitive (PNG §11.3.3.2).</summary>
    private static bool TryMatch(ReadOnlySpan<byte> keyword, out string name, out BadgeFamily family)
    {
        // "openbadges" may hold a 2.0 assertion, a 1.x URL, or (misbaked) a 3.0 credential: the content decides.
        (name, family) = keyword switch
        {
            _ when keyword.SequenceEqual("openbadges"u8) => (OpenBadgesKeyword, BadgeFamily.Unknown),
            _ when keyword.SequenceEqual("openbadgecredential"u8) => (OpenBadgeCredentialKeyword, BadgeFamily.OpenBadges3),
            _ when keyword.SequenceEqual("clrcredential"u8) => (ClrCredentialKeyword, BadgeFamily.OpenBadges3),
            _ => (string.Empty, BadgeFamily.Unknown),
        };
        return name.Length > 0;
    }

    private static UnbakeResult WithWarnings(UnbakeResult result, List<string>? warnings) =>
        warnings is null ? result : result with { Warnings = [.. result.Warnings, .. warnings] };
}
