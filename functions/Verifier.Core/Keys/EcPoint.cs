using System.Numerics;

namespace Verifier.Core.Keys;

/// <summary>
/// Decompresses SEC 1 (§2.3.4) compressed points, the form Multikey and did:key use, on the curves of
/// <see cref="EcCurve"/>. Their primes are all ≡ 3 (mod 4), so the square root is a single modular exponentiation.
/// </summary>
internal static class EcPoint
{
    /// <summary>Returns X and Y (each the curve's field length) or null when the bytes are not a point on the curve.</summary>
    public static (byte[] X, byte[] Y)? Decompress(KeyKind kind, ReadOnlySpan<byte> point)
    {
        if (EcCurve.Of(kind) is not { } curve)
        {
            return null;
        }

        var size = curve.Size;
        if (point.Length == 1 + (2 * size) && point[0] == 0x04)
        {
            return (point.Slice(1, size).ToArray(), point.Slice(1 + size, size).ToArray());
        }

        if (point.Length != 1 + size || (point[0] != 0x02 && point[0] != 0x03))
        {
            return null;
        }

        var prime = curve.Prime;
        var x = new BigInteger(point[1..], isUnsigned: true, isBigEndian: true);
        if (x >= prime)
        {
            return null;
        }

        // y² = x³ + ax + b (mod p)
        var rhs = BigInteger.Remainder((BigInteger.ModPow(x, 3, prime) + (curve.A * x) + curve.B) % prime + prime, prime);
        var y = BigInteger.ModPow(rhs, (prime + 1) / 4, prime);
        if (BigInteger.ModPow(y, 2, prime) != rhs)
        {
            return null;
        }

        if (y.IsEven != (point[0] == 0x02))
        {
            y = prime - y;
        }

        return (point[1..].ToArray(), ToFixed(y, size));
    }

    private static byte[] ToFixed(BigInteger value, int size)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length == size)
        {
            return bytes;
        }

        var padded = new byte[size];
        bytes.CopyTo(padded, size - bytes.Length);
        return padded;
    }
}
