using System.Collections.Concurrent;
using NSec.Cryptography;

namespace Verifier.Core.Proofs.Suites;

/// <summary>Ed25519 (RFC 8032) through libsodium (NSec): the BCL has none.</summary>
internal static class Ed25519Signatures
{
    // Imported keys by their bytes: import validates the point, which costs about as much again as a verification.
    // Bounded so a stream of fresh keys cannot grow it without limit.
    private const int MaxCachedKeys = 1024;
    private static readonly ConcurrentDictionary<string, PublicKey?> Keys = new(StringComparer.Ordinal);

    public static bool Verify(byte[]? publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (publicKey is not { Length: 32 } || signature.Length != 64)
        {
            return false;
        }

        var cacheKey = Convert.ToBase64String(publicKey);
        if (!Keys.TryGetValue(cacheKey, out var key))
        {
            // Import rejects encodings that are not points on the curve; such a key verifies nothing.
            key = PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var imported) ? imported : null;
            if (Keys.Count >= MaxCachedKeys)
            {
                Keys.Clear();
            }

            Keys[cacheKey] = key;
        }

        return key is not null && SignatureAlgorithm.Ed25519.Verify(key, data, signature);
    }
}
