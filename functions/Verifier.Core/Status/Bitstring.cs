using System.IO.Compression;
using Microsoft.IdentityModel.Tokens;

namespace Verifier.Core.Status;

/// <summary>
/// The status bitstring of Bitstring Status List §4.1 / StatusList2021: multibase base64url ('u' prefix; StatusList2021
/// lists may omit it) of a GZIP stream. Index 0 is the left-most (most significant) bit of the first byte.
/// </summary>
internal sealed class Bitstring
{
    /// <summary>Bitstring Status List §4.1: "the uncompressed bitstring MUST be at least 16KB" (131,072 bits).</summary>
    public const int MinimumBytes = 16 * 1024;

    /// <summary>Hard cap on the inflated size: a 10 MB download could otherwise inflate to gigabytes (a zip bomb).</summary>
    public const int MaxInflatedBytes = 16 * 1024 * 1024;

    private readonly byte[] _bits;

    private Bitstring(byte[] bits) => _bits = bits;

    public int LengthInBits => _bits.Length * 8;

    public int LengthInBytes => _bits.Length;

    /// <summary>Decodes an encodedList; null with a reason when it is not base64url, not GZIP, or inflates past the cap.</summary>
    public static (Bitstring? List, string? Error) Decode(string? encodedList, int maxInflatedBytes = MaxInflatedBytes)
    {
        if (string.IsNullOrEmpty(encodedList))
        {
            return (null, "encodedList is missing");
        }

        byte[] compressed;
        try
        {
            var text = encodedList[0] == 'u' ? encodedList[1..] : encodedList;
            compressed = Base64UrlEncoder.DecodeBytes(text.Replace('+', '-').Replace('/', '_').TrimEnd('='));
        }
        catch (FormatException)
        {
            return (null, "encodedList is not multibase base64url");
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxInflatedBytes)
                {
                    return (null, $"encodedList inflates to more than {maxInflatedBytes} bytes");
                }

                output.Write(buffer, 0, read);
            }

            return (new Bitstring(output.ToArray()), null);
        }
        catch (InvalidDataException)
        {
            return (null, "encodedList is not a GZIP stream");
        }
    }

    /// <summary>The status value of an entry of <paramref name="statusSize"/> bits at <paramref name="index"/>, or null when out of range.</summary>
    public int? Value(long index, int statusSize)
    {
        if (index < 0 || index > int.MaxValue || statusSize is < 1 or > 16)
        {
            return null;
        }

        var first = index * statusSize;
        if (first + statusSize > LengthInBits)
        {
            return null;
        }

        var value = 0;
        for (var i = first; i < first + statusSize; i++)
        {
            var bit = (_bits[i / 8] >> (7 - (int)(i % 8))) & 1;
            value = (value << 1) | bit;
        }

        return value;
    }
}
