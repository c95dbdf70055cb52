using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Verifier.TestSupport;

/// <summary>
/// Builds PNG datastreams chunk by chunk for tests: a real 1x1 greyscale image (IHDR, zlib IDAT, IEND) plus any text
/// chunk, with a correct CRC unless a test asks for a broken one.
/// </summary>
public sealed class TestPng
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly List<byte> _bytes = [];

    private TestPng() => _bytes.AddRange(Signature);

    /// <summary>Signature and IHDR only; add chunks, then <see cref="Image"/> and <see cref="End"/>.</summary>
    public static TestPng Start() => new TestPng().Chunk("IHDR", Ihdr(1, 1));

    /// <summary>
    /// A complete, valid 1x1 PNG: without any text chunk, or with a legacy tEXt chunk after IHDR (PNG §11.3.3.3,
    /// Latin-1 keyword, NUL, Latin-1 text), which is how 1.0 badges carried their assertion URL.
    /// </summary>
    public static byte[] Plain(string? textKeyword = null, string? text = null) =>
        (textKeyword is null ? Start() : Start().Text(textKeyword, text ?? string.Empty)).Image().End().ToArray();

    public TestPng Chunk(string type, byte[] data, bool badCrc = false, uint? declaredLength = null)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, declaredLength ?? (uint)data.Length);
        Encoding.ASCII.GetBytes(type, header[4..]);
        _bytes.AddRange(header);
        _bytes.AddRange(data);
        var crc = Crc32.HashToUInt32([.. header[4..].ToArray(), .. data]);
        Span<byte> crcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, badCrc ? crc ^ 0xDEADBEEF : crc);
        _bytes.AddRange(crcBytes);
        return this;
    }

    /// <summary>A zlib IDAT holding one filter byte and one black pixel per row.</summary>
    public TestPng Image(int rows = 1, int extraPadding = 0)
    {
        var raw = new byte[rows * 2];
        var compressed = Zlib(raw);
        return Chunk("IDAT", extraPadding == 0 ? compressed : [.. compressed, .. new byte[extraPadding]]);
    }

    public TestPng End() => Chunk("IEND", []);

    public TestPng Itxt(string keyword, string text, string languageTag = "", string translatedKeyword = "", bool badCrc = false) =>
        Chunk("iTXt", ItxtData(keyword, 0, Encoding.UTF8.GetBytes(languageTag), Encoding.UTF8.GetBytes(translatedKeyword), Encoding.UTF8.GetBytes(text)), badCrc);

    public TestPng ItxtRaw(string keyword, byte[] text) => Chunk("iTXt", ItxtData(keyword, 0, [], [], text));

    public TestPng CompressedItxt(string keyword, byte[] text) => Chunk("iTXt", ItxtData(keyword, 1, [], [], Zlib(text)));

    public TestPng Text(string keyword, string text) => Chunk("tEXt", [.. Encoding.Latin1.GetBytes(keyword), 0, .. Encoding.Latin1.GetBytes(text)]);

    public TestPng Ztxt(string keyword, string text) => Chunk("zTXt", [.. Encoding.Latin1.GetBytes(keyword), 0, 0, .. Zlib(Encoding.Latin1.GetBytes(text))]);

    public byte[] ToArray() => _bytes.ToArray();

    public static byte[] Ihdr(uint width, uint height)
    {
        var data = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(data, width);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), height);
        data[8] = 8; // bit depth 8, colour type 0 (greyscale), deflate, adaptive filtering, no interlace
        return data;
    }

    public static byte[] Zlib(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }

    private static byte[] ItxtData(string keyword, byte flag, byte[] tag, byte[] translated, byte[] text) =>
        [.. Encoding.Latin1.GetBytes(keyword), 0, flag, 0, .. tag, 0, .. translated, 0, .. text];
}
