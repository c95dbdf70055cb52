using NSec.Cryptography;

namespace Verifier.Core.Crypto;

/// <summary>
/// Ed25519 signature verification (RFC 8032) through libsodium (NSec): the BCL has no Ed25519. Shared by the VC-JWT
/// EdDSA provider and the Data Integrity suites (eddsa-rdfc-2022, Ed25519Signature2020).
/// </summary>
internal static class Ed25519Verifier
{
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    /// <summary>True only for a well-formed 32-byte key and a 64-byte signature that verifies over <paramref name="data"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey32, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (publicKey32.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        // Import rejects points that are not on the curve; a rejected key can verify nothing.
        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey32, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(key, data, signature);
    }
}
