using System.Buffers.Binary;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using SixLabors.ImageSharp;
using Verifier.Core.Baking;

namespace Verifier.Benchmarks.Baking;

/// <summary>
/// Unbaking a ~200 KB PNG (issue 2 target: &lt; 5 µs). The image is ~200 KB of zlib data split into 8 KB IDAT chunks,
/// with a signed-assertion-sized iTXt (a ~2.3 KB compact JWS) either right after IHDR (where bakers put it) or just
/// before IEND. Baselines in the same run: a bare loop over chunk headers (the floor for any chunk walker) and
/// ImageSharp's Image.Identify (header + metadata, no pixel decode).
/// </summary>
[MemoryDiagnoser]
public class UnbakeBenchmarks
{
    private byte[] _png = [];

    public enum Placement
    {
        AfterIhdr,
        BeforeIend,
    }

    [Params(Placement.AfterIhdr, Placement.BeforeIend)]
    public Placement Badge { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var pixels = new byte[200 * 1024];
        random.NextBytes(pixels);
        var idat = Deflate(pixels);
        var jws = "eyJhbGciOiJSUzI1NiJ9." + Base64Url(random, 1600) + "." + Base64Url(random, 342);
        var unbaked = BuildPng(idat, badgeBeforeIend: null);
        _png = Badge == Placement.AfterIhdr ? PngBaker.Bake(unbaked, jws) : BuildPng(idat, jws);
        if (PngBadgeReader.Read(_png).Payload != jws)
        {
            throw new InvalidOperationException("benchmark PNG did not unbake");
        }
    }

    [Benchmark(Baseline = true, Description = "bare chunk-header loop")]
    public int ChunkHeaderLoop()
    {
        var span = _png.AsSpan();
        var offset = 8;
        var chunks = 0;
        while (offset + 12 <= span.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(span[offset..]);
            chunks++;
            if (span.Slice(offset + 4, 4).SequenceEqual("IEND"u8))
            {
                break;
            }

            offset += length + 12;
        }

        return chunks;
    }

    [Benchmark(Description = "PngBadgeReader.Read")]
    public string? Unbake() => PngBadgeReader.Read(_png).Payload;

    [Benchmark(Description = "ImageSharp Image.Identify")]
    public int Identify() => Image.Identify(_png)!.Width;

    private static byte[] BuildPng(byte[] idat, string? badgeBeforeIend)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(ihdr, 256);
        BinaryPrimitives.WriteUInt32BigEndian(ihdr.AsSpan(4), 256);
        ihdr[8] = 8;
        ihdr[9] = 2; // truecolour
        WriteChunk(output, "IHDR"u8, ihdr);
        for (var i = 0; i < idat.Length; i += 8192)
        {
            WriteChunk(output, "IDAT"u8, idat.AsSpan(i, Math.Min(8192, idat.Length - i)));
        }

        if (badgeBeforeIend is not null)
        {
            var text = System.Text.Encoding.UTF8.GetBytes(badgeBeforeIend);
            WriteChunk(output, "iTXt"u8, [.. "openbadges"u8, 0, 0, 0, 0, 0, .. text]);
        }

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static void WriteChunk(MemoryStream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[data.Length + 12];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        type.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), System.IO.Hashing.Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length)));
        output.Write(chunk);
    }

    private static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }

    private static string Base64Url(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
