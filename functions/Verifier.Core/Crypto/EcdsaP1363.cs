using System.Security.Cryptography;
using Verifier.Core.Keys;

namespace Verifier.Core.Crypto;

/// <summary>
/// ECDSA with a raw r‖s signature (IEEE P1363) on the curves of <see cref="EcCurve"/>, each with its own hash:
/// JWS ES256 / ES384 / ES256K and vc-di-ecdsa.
/// </summary>
internal static class EcdsaP1363
{
    public static bool Verify(ResolvedKey key, byte[] data, byte[] signature) => Verify(key.Kind, key.PublicKeyBytes, data, signature);

    /// <param name="kind">The key's curve.</param>
    /// <param name="uncompressed">The public point as 0x04‖X‖Y.</param>
    public static bool Verify(KeyKind kind, byte[]? uncompressed, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (EcCurve.Of(kind) is not { } curve)
        {
            return false;
        }

        var size = curve.Size;
        if (uncompressed is not { } point || point.Length != 1 + (2 * size) || point[0] != 0x04 || signature.Length != 2 * size)
        {
            return false;
        }

        try
        {
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = curve.Curve, Q = new ECPoint { X = point[1..(1 + size)], Y = point[(1 + size)..] } });
            return ecdsa.VerifyData(data, signature, curve.Hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (Exception e) when (e is CryptographicException or PlatformNotSupportedException)
        {
            // A point off the curve is refused at import: it can verify nothing.
            return false;
        }
    }
}
