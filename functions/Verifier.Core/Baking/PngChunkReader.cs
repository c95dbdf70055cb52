using System.Buffers.Binary;
using System.IO.Hashing;

namespace Verifier.Core.Baking;

/// <summary>One chunk as laid out in the datastream (PNG §5.3): length, type, data, CRC.</summary>
internal readonly ref struct PngChunk
{
    private readonly ReadOnlySpan<byte> _typeAndData;

    public PngChunk(int offset, ReadOnlySpan<byte> typeAndData, uint crc)
    {
        Offset = offset;
        _typeAndData = typeAndData;
        Crc = crc;
    }

    /// <summary>Offset of the chunk's length field in the datastream.</summary>
    public int Offset { get; }

    public ReadOnlySpan<byte> Type => _typeAndData[..4];

    public ReadOnlySpan<byte> Data => _typeAndData[4..];

    public uint Crc { get; }

    /// <summary>Bytes the whole chunk occupies: 4 (length) + 4 (type) + data + 4 (CRC).</summary>
    public int TotalLength => Data.Length + 12;

    public string TypeName => System.Text.Encoding.ASCII.GetString(Type);

    public bool Is(ReadOnlySpan<byte> type) => Type.SequenceEqual(type);

    /// <summary>PNG §5.3: the CRC covers the chunk type and data fields, not the length (algorithm in §5.5 / Annex D).</summary>
    public bool CrcMatches() => Crc32.HashToUInt32(_typeAndData) == Crc;
}

internal enum PngChunkStatus
{
    Ok,

    /// <summary>Fewer bytes remain than the chunk header or its declared length needs.</summary>
    Truncated,

    /// <summary>The length exceeds 2^31-1 or the type is not four ASCII letters.</summary>
    Invalid,
}

/// <summary>
/// A static, allocation-free chunk walker over a span (in the manner of System.Formats.Asn1's decoders): it never
/// trusts a declared length beyond the bytes actually present and never decodes image data.
/// </summary>
internal static class PngChunkReader
{
    /// <summary>PNG §5.2: the eight-byte signature that starts every PNG datastream.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ReadOnlySpan<byte> Ihdr => "IHDR"u8;

    public static ReadOnlySpan<byte> Iend => "IEND"u8;

    public static ReadOnlySpan<byte> Idat => "IDAT"u8;

    public static ReadOnlySpan<byte> Itxt => "iTXt"u8;

    public static ReadOnlySpan<byte> Text => "tEXt"u8;

    public static ReadOnlySpan<byte> Ztxt => "zTXt"u8;

    /// <summary>PNG §5.3: "the length ... shall not exceed 2^31-1 bytes".</summary>
    public const uint MaxChunkLength = int.MaxValue;

    /// <summary>Reads the chunk starting at <paramref name="offset"/>; on failure nothing is returned but a reason.</summary>
    public static PngChunkStatus TryRead(ReadOnlySpan<byte> png, int offset, out PngChunk chunk, out string? error)
    {
        chunk = default;
        var remaining = png.Length - offset;
        if (remaining < 12)
        {
            error = $"the PNG is truncated: {remaining} byte(s) at offset {offset} cannot hold a chunk (12 bytes minimum, PNG §5.3)";
            return PngChunkStatus.Truncated;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(png.Slice(offset, 4));
        var type = png.Slice(offset + 4, 4);
        if (!IsValidType(type))
        {
            error = $"the chunk at offset {offset} has an invalid type (PNG §5.4: four ASCII letters)";
            return PngChunkStatus.Invalid;
        }

        if (length > MaxChunkLength)
        {
            error = $"the {Name(type)} chunk at offset {offset} declares {length} bytes, more than PNG §5.3 allows (2^31-1)";
            return PngChunkStatus.Invalid;
        }

        // Compare in 64 bits: a length near 2^31 plus the 12 framing bytes must not wrap around.
        if ((long)length + 12 > remaining)
        {
            error = $"the PNG is truncated: the {Name(type)} chunk at offset {offset} declares {length} data bytes but only {Math.Max(0, remaining - 12)} remain";
            return PngChunkStatus.Truncated;
        }

        var crc = BinaryPrimitives.ReadUInt32BigEndian(png.Slice(offset + 8 + (int)length, 4));
        chunk = new PngChunk(offset, png.Slice(offset + 4, 4 + (int)length), crc);
        error = null;
        return PngChunkStatus.Ok;
    }

    /// <summary>Writes one complete chunk (length, type, data, CRC) into <paramref name="destination"/>.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)data.Length);
        type.CopyTo(destination[4..]);
        data.CopyTo(destination[8..]);
        var crc = Crc32.HashToUInt32(destination.Slice(4, 4 + data.Length));
        BinaryPrimitives.WriteUInt32BigEndian(destination[(8 + data.Length)..], crc);
        return data.Length + 12;
    }

    public static string Name(ReadOnlySpan<byte> type) => IsValidType(type) ? System.Text.Encoding.ASCII.GetString(type) : "?";

    private static bool IsValidType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }
}
