using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Verifier.Http;

/// <summary>
/// Reads a request body into memory under a hard cap. A declared Content-Length over the cap is refused before a
/// byte is read; a chunked or lying body is cut off as soon as it passes the cap, so a client can never make the
/// service buffer more than <see cref="HttpOptions.MaxBodyBytes"/> (issue 6, "body limit enforced before buffering").
/// </summary>
public static class BodyReader
{
    /// <summary>The body, or null when it is over the cap (answer 413).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength is long declared && declared > maxBytes)
        {
            return null;
        }

        // Kestrel's own limit (30 MB) would throw mid-read; lift it to just above ours so our cap decides.
        var feature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = maxBytes + 1;
        }

        var initial = (int)Math.Min(request.ContentLength ?? 16 * 1024, maxBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initial, 4096));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return null;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                // Never ask for more than one byte past the cap: that byte is enough to know the body is too large.
                var room = (int)Math.Min(buffer.Length - length, maxBytes + 1 - length);
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A server limit below ours (a host that keeps its own cap read-only) refused the rest of the body.
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
