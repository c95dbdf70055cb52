using Microsoft.IdentityModel.Tokens;
using SimpleBase;

namespace Verifier.Core.Keys;

/// <summary>
/// Multibase (draft-multiformats-multibase) for the two encodings keys and status lists use: 'z' base58btc and
/// 'u' base64url without padding. Anything else is refused rather than guessed.
/// </summary>
internal static class Multibase
{
    /// <summary>
    /// The longest base58btc value decoded. Base58 decoding is quadratic in the length (every digit multiplies the
    /// whole number so far): a 150,000-character did:key in a token's kid cost 9.6 s of CPU, and the 4 MB a token may
    /// carry would pin a core for hours. Every value read here is a public key or a signature — the largest, an RSA
    /// 4096 key as jwk_jcs-pub, is under 1,500 characters — so anything longer is refused unread.
    /// </summary>
    public const int MaxBase58Chars = 4096;

    public static byte[]? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 2 || (value[0] == 'z' && value.Length > MaxBase58Chars + 1))
        {
            return null;
        }

        try
        {
            return value[0] switch
            {
                'z' => Base58.Bitcoin.Decode(value.AsSpan(1)),
                'u' => Base64UrlEncoder.DecodeBytes(value[1..]),
                _ => null,
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }
}

/// <summary>Multicodec prefixes (unsigned varints) of the public-key types did:key and Multikey use.</summary>
internal static class Multicodec
{
    // ed25519-pub 0xed, p256-pub 0x1200, p384-pub 0x1201, secp256k1-pub 0xe7 — each as a varint.
    private static readonly byte[] Ed25519 = [0xed, 0x01];
    private static readonly byte[] P256 = [0x80, 0x24];
    private static readonly byte[] P384 = [0x81, 0x24];
    private static readonly byte[] Secp256k1 = [0xe7, 0x01];

    // jwk_jcs-pub 0xeb51: the key is the JCS form of its public JWK (EBSI's did:key profile).
    private static readonly byte[] JwkJcsPub = [0xd1, 0xd6, 0x03];

    /// <summary>The JWK bytes of a jwk_jcs-pub value, or null for any other codec.</summary>
    public static byte[]? JwkJcs(byte[] bytes) => bytes.AsSpan().StartsWith(JwkJcsPub) ? bytes[JwkJcsPub.Length..] : null;

    /// <summary>Splits a multicodec-prefixed key into its kind and key bytes; null for a codec this verifier does not know.</summary>
    public static (KeyKind Kind, byte[] Key)? Split(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Ed25519))
        {
            return (KeyKind.Ed25519, bytes[2..]);
        }

        if (bytes.AsSpan().StartsWith(P256))
        {
            return (KeyKind.EcP256, bytes[2..]);
        }

        if (bytes.AsSpan().StartsWith(P384))
        {
            return (KeyKind.EcP384, bytes[2..]);
        }

        if (bytes.AsSpan().StartsWith(Secp256k1))
        {
            return (KeyKind.EcSecp256k1, bytes[2..]);
        }

        return null;
    }
}
