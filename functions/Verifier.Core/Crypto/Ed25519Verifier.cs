using System.Collections.Concurrent;
using NSec.Cryptography;

namespace Verifier.Core.Crypto;

/// <summary>
/// The one Ed25519 signature verification (RFC 8032), through libsodium (NSec): the BCL has no Ed25519. Every EdDSA
/// path goes through it — the VC-JWT EdDSA provider and the Data Integrity suites (eddsa-rdfc-2022, eddsa-jcs-2022,
/// Ed25519Signature2020) — so key and signature rules cannot drift between them.
/// </summary>
internal static class Ed25519Verifier
{
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    // Imported keys by their bytes: import validates the point, which costs about as much again as a verification.
    // Bounded so a stream of fresh keys cannot grow it without limit.
    private const int MaxCachedKeys = 1024;
    private static readonly ConcurrentDictionary<string, PublicKey?> Keys = new(StringComparer.Ordinal);

    /// <summary>True only for a well-formed 32-byte key and a 64-byte signature that verifies over <paramref name="data"/>.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey32, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (publicKey32.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        var key = Import(publicKey32);
        return key is not null && SignatureAlgorithm.Ed25519.Verify(key, data, signature);
    }

    private static PublicKey? Import(ReadOnlySpan<byte> publicKey32)
    {
        var cacheKey = Convert.ToBase64String(publicKey32);
        if (Keys.TryGetValue(cacheKey, out var key))
        {
            return key;
        }

        // Import rejects encodings that are not points on the curve; such a key verifies nothing (cached as null).
        key = PublicKey.TryImport(SignatureAlgorithm.Ed25519, publicKey32, KeyBlobFormat.RawPublicKey, out var imported) ? imported : null;
        if (Keys.Count >= MaxCachedKeys)
        {
            Keys.Clear();
        }

        Keys[cacheKey] = key;
        return key;
    }
}
