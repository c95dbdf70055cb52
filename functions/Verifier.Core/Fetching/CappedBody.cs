namespace Verifier.Core.Fetching;

/// <summary>Reads a response body under a byte cap, enforced while streaming so an endless body costs at most the cap.</summary>
internal static class CappedBody
{
    /// <summary>The body, or null when it is (or announces to be) larger than <paramref name="limit"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContent content, int limit, CancellationToken ct)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        await using var disposeStream = stream.ConfigureAwait(false);
        // A declared length only sizes the first buffer up to 256 KiB: announcing 10 MB must not reserve 10 MB.
        using var buffer = new MemoryStream(declared is long n ? (int)Math.Min(n, 256 * 1024) : 16 * 1024);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>True when the first non-whitespace byte opens a JSON object or array (after an optional UTF-8 BOM).</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        var start = body.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && body[start] is (byte)'{' or (byte)'[';
    }
}
