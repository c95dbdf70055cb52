using System.Text;

namespace Verifier.Core.Images;

/// <summary>RFC 2397 <c>data:[&lt;mediatype&gt;][;base64],&lt;data&gt;</c>, decoded within a size cap.</summary>
internal static class DataUri
{
    /// <summary>The media type a data URI declares (lower case, without parameters; empty when none), or null when it is not one.</summary>
    public static string? MediaType(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var comma = uri.IndexOf(',', StringComparison.Ordinal);
        if (!uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || comma < 0)
        {
            return null;
        }

        var header = uri.AsSpan(5, comma - 5);
        var semicolon = header.IndexOf(';');
        return (semicolon < 0 ? header : header[..semicolon]).Trim().ToString().ToLowerInvariant();
    }

    /// <summary>The bytes of a data URI, or null when it is not one, is malformed or decodes past <paramref name="maxBytes"/>.</summary>
    public static byte[]? Decode(string uri, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var comma = uri.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
        {
            return null;
        }

        var header = uri.AsSpan(5, comma - 5);
        var data = uri[(comma + 1)..];
        if (header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            if ((long)data.Length * 3 / 4 > maxBytes)
            {
                return null;
            }

            try
            {
                return Convert.FromBase64String(Uri.UnescapeDataString(data));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        var text = Uri.UnescapeDataString(data);
        return Encoding.UTF8.GetByteCount(text) > maxBytes ? null : Encoding.UTF8.GetBytes(text);
    }
}
