using System.Numerics;
using System.Security.Cryptography;

namespace Verifier.Core.Keys;

/// <summary>
/// The elliptic curves this verifier accepts keys on, in one table: the BCL curve, the field size, the JWK
/// <c>crv</c> name, the hash its JOSE / Data Integrity algorithms use, and the Weierstrass coefficients
/// (y² = x³ + ax + b over the prime p) that point decompression needs. P-256 and P-384 (FIPS 186-4) and
/// secp256k1 (SEC 2 §2.4.1; RFC 8812 for JOSE).
/// </summary>
internal sealed record EcCurve(KeyKind Kind, ECCurve Curve, int Size, string Crv, HashAlgorithmName Hash, BigInteger Prime, BigInteger A, BigInteger B)
{
    public static readonly EcCurve P256 = new(
        KeyKind.EcP256, ECCurve.NamedCurves.nistP256, 32, "P-256", HashAlgorithmName.SHA256,
        Hex("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"), -3,
        Hex("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b"));

    public static readonly EcCurve P384 = new(
        KeyKind.EcP384, ECCurve.NamedCurves.nistP384, 48, "P-384", HashAlgorithmName.SHA384,
        Hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff"), -3,
        Hex("b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef"));

    // The BCL has no named constant for secp256k1; its OID (1.3.132.0.10) works wherever OpenSSL knows the curve.
    public static readonly EcCurve Secp256k1 = new(
        KeyKind.EcSecp256k1, ECCurve.CreateFromValue("1.3.132.0.10"), 32, "secp256k1", HashAlgorithmName.SHA256,
        Hex("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f"), 0, 7);

    /// <summary>The curve of an EC key kind; null for RSA and Ed25519.</summary>
    public static EcCurve? Of(KeyKind kind) => kind switch
    {
        KeyKind.EcP256 => P256,
        KeyKind.EcP384 => P384,
        KeyKind.EcSecp256k1 => Secp256k1,
        _ => null,
    };

    /// <summary>The curve a JWK's <c>crv</c> names (exact, case-sensitive as RFC 7518 §6.2.1.1 and RFC 8812 §3.1 register them).</summary>
    public static EcCurve? OfJwk(string? crv) => crv switch
    {
        "P-256" => P256,
        "P-384" => P384,
        "secp256k1" => Secp256k1,
        _ => null,
    };

    private static BigInteger Hex(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
