using System.Security.Cryptography;
using Verifier.Core.Keys;

namespace Verifier.Core.Crypto;

/// <summary>ECDSA over P-256/SHA-256 or P-384/SHA-384 with a raw r‖s signature (IEEE P1363, JWS ES256/ES384 and vc-di-ecdsa).</summary>
internal static class EcdsaP1363
{
    public static bool Verify(ResolvedKey key, byte[] data, byte[] signature)
    {
        if (key.Kind is not (KeyKind.EcP256 or KeyKind.EcP384))
        {
            return false;
        }

        var (curve, size, hash) = key.Kind == KeyKind.EcP384
            ? (ECCurve.NamedCurves.nistP384, 48, HashAlgorithmName.SHA384)
            : (ECCurve.NamedCurves.nistP256, 32, HashAlgorithmName.SHA256);
        if (key.PublicKeyBytes is not { } point || point.Length != 1 + (2 * size) || point[0] != 0x04 || signature.Length != 2 * size)
        {
            return false;
        }

        try
        {
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = point[1..(1 + size)], Y = point[(1 + size)..] } });
            return ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (CryptographicException)
        {
            // A point off the curve is refused at import: it can verify nothing.
            return false;
        }
    }
}
