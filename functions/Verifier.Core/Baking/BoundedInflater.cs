using System.IO.Compression;

namespace Verifier.Core.Baking;

/// <summary>Inflates a zlib datastream (PNG §10: compression method 0) under a hard output cap: a zlib bomb stops there.</summary>
internal static class BoundedInflater
{
    /// <summary>Returns the inflated bytes (at most <paramref name="cap"/>), whether output was cut, or null if the stream is corrupt.</summary>
    public static byte[]? Inflate(ReadOnlySpan<byte> zlib, int cap, out bool truncated)
    {
        truncated = false;
        try
        {
            using var input = new MemoryStream(zlib.ToArray(), writable: false);
            using var inflater = new ZLibStream(input, CompressionMode.Decompress);
            var buffer = new byte[cap + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = inflater.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            truncated = total > cap;
            return buffer.AsSpan(0, Math.Min(total, cap)).ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
