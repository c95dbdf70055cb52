using NSec.Cryptography;

namespace Verifier.Core.Proofs.Suites;

/// <summary>Ed25519 (RFC 8032) through libsodium (NSec): the BCL has none.</summary>
internal static class Ed25519Signatures
{
    public static bool Verify(byte[]? publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (publicKey is not { Length: 32 } || signature.Length != 64)
        {
            return false;
        }

        // Import rejects encodings that are not points on the curve; such a key verifies nothing.
        return PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key)
            && key is not null
            && SignatureAlgorithm.Ed25519.Verify(key, data, signature);
    }
}
