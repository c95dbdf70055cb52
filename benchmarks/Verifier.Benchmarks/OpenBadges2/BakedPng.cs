using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Verifier.Benchmarks.OpenBadges2;

/// <summary>Makes a small PNG and bakes a payload into it as one uncompressed iTXt "openbadges" chunk after IHDR.</summary>
public static class BakedPng
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>
    /// An RGBA image of random pixels (noise does not compress, so the file is about width × height × 4 bytes plus the
    /// payload): the sizes the HTTP figures use, 1.6 KB and 30 KB.
    /// </summary>
    public static byte[] BakeNoise(string payload, int width, int height) => Bake(payload, width, height, new Random(42));

    public static byte[] Bake(string payload, int width = 64, int height = 64) => Bake(payload, width, height, null);

    private static byte[] Bake(string payload, int width, int height, Random? noise)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 6; // RGBA
        Chunk(png, "IHDR", ihdr);

        // iTXt: keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text.
        var itxt = new MemoryStream();
        itxt.Write(Encoding.Latin1.GetBytes("openbadges"));
        itxt.Write([0, 0, 0, 0, 0]);
        itxt.Write(Encoding.UTF8.GetBytes(payload));
        Chunk(png, "iTXt", itxt.ToArray());

        var raw = new byte[height * (1 + (width * 4))];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width * 4; x++)
            {
                raw[(y * (1 + (width * 4))) + 1 + x] = noise is null ? (byte)((x * 7) + y) : (byte)noise.Next(256);
            }
        }

        using var deflated = new MemoryStream();
        using (var z = new ZLibStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
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
        var crc = Crc(Crc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        s.Write(word);
    }

    private static uint Crc(uint crc, byte[] data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
