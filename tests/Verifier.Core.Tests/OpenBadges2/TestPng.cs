using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Verifier.Core.Tests.OpenBadges2;

/// <summary>Small PNGs made by the tests: a plain 2×2 image, optionally with a legacy tEXt chunk after IHDR.</summary>
public static class TestPng
{
    public static byte[] Plain(string? textKeyword = null, string? text = null)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, 2);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 2);
        ihdr[8] = 8;
        ihdr[9] = 2; // RGB
        Chunk(png, "IHDR", ihdr);
        if (textKeyword is not null)
        {
            // tEXt (PNG §11.3.3.3): Latin-1 keyword, NUL, Latin-1 text — how 1.0 badges carried their assertion URL.
            Chunk(png, "tEXt", [.. Encoding.Latin1.GetBytes(textKeyword), 0, .. Encoding.Latin1.GetBytes(text ?? string.Empty)]);
        }

        using var deflated = new MemoryStream();
        using (var z = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(new byte[2 * (1 + (2 * 3))]);
        }

        Chunk(png, "IDAT", deflated.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        s.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        s.Write(word);
    }
}
