using System.Numerics;

namespace Verifier.Core.Keys;

/// <summary>
/// Decompresses SEC 1 (§2.3.4) compressed points of P-256 and P-384, the form Multikey and did:key use. Both
/// primes are ≡ 3 (mod 4), so the square root is a single modular exponentiation.
/// </summary>
internal static class EcPoint
{
    private static readonly BigInteger P256Prime = Parse("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff");
    private static readonly BigInteger P256B = Parse("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b");
    private static readonly BigInteger P384Prime = Parse("fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff");
    private static readonly BigInteger P384B = Parse("b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef");

    /// <summary>Returns X and Y (each the curve's field length) or null when the bytes are not a point on the curve.</summary>
    public static (byte[] X, byte[] Y)? Decompress(KeyKind kind, ReadOnlySpan<byte> point)
    {
        var (prime, b, size) = kind switch
        {
            KeyKind.EcP256 => (P256Prime, P256B, 32),
            KeyKind.EcP384 => (P384Prime, P384B, 48),
            _ => (BigInteger.Zero, BigInteger.Zero, 0),
        };
        if (size == 0)
        {
            return null;
        }

        if (point.Length == 1 + (2 * size) && point[0] == 0x04)
        {
            return (point.Slice(1, size).ToArray(), point.Slice(1 + size, size).ToArray());
        }

        if (point.Length != 1 + size || (point[0] != 0x02 && point[0] != 0x03))
        {
            return null;
        }

        var x = new BigInteger(point[1..], isUnsigned: true, isBigEndian: true);
        if (x >= prime)
        {
            return null;
        }

        // y² = x³ − 3x + b (mod p)
        var rhs = BigInteger.Remainder((BigInteger.ModPow(x, 3, prime) - (3 * x) + b) % prime + prime, prime);
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

    private static BigInteger Parse(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
