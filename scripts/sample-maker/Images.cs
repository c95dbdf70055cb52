using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Verifier.SampleMaker;

/// <summary>
/// The plain badge images the samples are baked into. Written byte by byte (the PNG's zlib stream uses stored
/// blocks) so the same generator always writes the same bytes: no compressor version can change a sample.
/// </summary>
internal static class Images
{
    private const int Size = 96;

    /// <summary>A 96×96 RGB PNG: a green disc with a white tick, on white.</summary>
    public static byte[] Png()
    {
        var raw = new byte[Size * (1 + Size * 3)];
        for (var y = 0; y < Size; y++)
        {
            var row = y * (1 + Size * 3); // filter byte 0 (None) then RGB triples
            for (var x = 0; x < Size; x++)
            {
                var (r, g, b) = Pixel(x, y);
                raw[row + 1 + x * 3] = r;
                raw[row + 2 + x * 3] = g;
                raw[row + 3 + x * 3] = b;
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, Size);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), Size);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // colour type: truecolour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", StoredZlib(raw));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The same picture as an SVG document.</summary>
    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="Sample badge">
          <circle cx="48" cy="48" r="44" fill="#1f6f43"/>
          <path d="M28 50 l13 13 l27 -29" fill="none" stroke="#ffffff" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>

        """);

    /// <summary>The SVG as a data: URI, the achievement image the credentials carry (no host to fetch it from).</summary>
    public static string SvgDataUri() => "data:image/svg+xml;base64," + Convert.ToBase64String(Svg());

    private static (byte R, byte G, byte B) Pixel(int x, int y)
    {
        var dx = x - 47.5;
        var dy = y - 47.5;
        if (dx * dx + dy * dy > 44 * 44)
        {
            return (255, 255, 255);
        }

        // The tick: two thick strokes, (28,50)→(41,63) and (41,63)→(68,34).
        return NearSegment(x, y, 28, 50, 41, 63) || NearSegment(x, y, 41, 63, 68, 34) ? ((byte)255, (byte)255, (byte)255) : ((byte)0x1f, (byte)0x6f, (byte)0x43);
    }

    private static bool NearSegment(double px, double py, double ax, double ay, double bx, double by)
    {
        var (vx, vy) = (bx - ax, by - ay);
        var t = Math.Clamp(((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy), 0, 1);
        var (cx, cy) = (ax + t * vx - px, ay + t * vy - py);
        return cx * cx + cy * cy <= 16;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32(typeAndData));
        png.Write(crc);
    }

    /// <summary>RFC 1950 zlib around RFC 1951 stored (uncompressed) blocks of at most 65,535 bytes.</summary>
    private static byte[] StoredZlib(byte[] data)
    {
        using var zlib = new MemoryStream();
        zlib.Write([0x78, 0x01]);
        Span<byte> header = stackalloc byte[4];
        for (var offset = 0; offset < data.Length || offset == 0; offset += 65535)
        {
            var length = Math.Min(65535, data.Length - offset);
            var final = offset + length >= data.Length;
            zlib.WriteByte(final ? (byte)1 : (byte)0);
            BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)~length);
            zlib.Write(header);
            zlib.Write(data, offset, length);
            if (final)
            {
                break;
            }
        }

        uint a = 1, b = 0;
        foreach (var value in data)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }

        Span<byte> adler = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, (b << 16) | a);
        zlib.Write(adler);
        return zlib.ToArray();
    }
}
