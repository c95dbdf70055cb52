using Microsoft.IdentityModel.Tokens;
using Verifier.Core.Keys;

namespace Verifier.Core.Crypto;

/// <summary>
/// Plugs the JOSE algorithms IdentityModel has no built-in support for into it: EdDSA (RFC 8037, Ed25519 only) and
/// ES256K (RFC 8812, ECDSA on secp256k1 with SHA-256). Every other algorithm is left to the default factory.
/// Verification only: the verifier never signs.
/// </summary>
internal sealed class AddedAlgorithmsCryptoProviderFactory : CryptoProviderFactory
{
    public const string EdDsa = "EdDSA";

    public const string Es256K = "ES256K";

    public static AddedAlgorithmsCryptoProviderFactory Instance { get; } = new();

    /// <summary>Whether <paramref name="algorithm"/> needs this factory (callers keep IdentityModel's default, and its provider cache, otherwise).</summary>
    public static bool Handles(string? algorithm) => algorithm is EdDsa or Es256K;

    public override bool IsSupportedAlgorithm(string algorithm, SecurityKey key) => algorithm switch
    {
        EdDsa => Ed25519PublicKey(key) is not null,
        Es256K => Secp256k1PublicKey(key) is not null,
        _ => base.IsSupportedAlgorithm(algorithm, key),
    };

    public override SignatureProvider CreateForVerifying(SecurityKey key, string algorithm) => algorithm switch
    {
        EdDsa => new AddedSignatureProvider(key, algorithm, Ed25519PublicKey(key) ?? throw new NotSupportedException("EdDSA needs an OKP key on curve Ed25519")),
        Es256K => new AddedSignatureProvider(key, algorithm, Secp256k1PublicKey(key) ?? throw new NotSupportedException("ES256K needs an EC key on curve secp256k1")),
        _ => base.CreateForVerifying(key, algorithm),
    };

    public override SignatureProvider CreateForSigning(SecurityKey key, string algorithm) =>
        Handles(algorithm) ? throw new NotSupportedException("the verifier does not sign") : base.CreateForSigning(key, algorithm);

    public override void ReleaseSignatureProvider(SignatureProvider signatureProvider)
    {
        if (signatureProvider is AddedSignatureProvider)
        {
            signatureProvider.Dispose();
            return;
        }

        base.ReleaseSignatureProvider(signatureProvider);
    }

    /// <summary>The raw 32-byte key of an OKP/Ed25519 JWK (RFC 8037 §2), or null for anything else.</summary>
    private static byte[]? Ed25519PublicKey(SecurityKey key)
    {
        if (key is not JsonWebKey { Kty: "OKP", Crv: "Ed25519" } jwk || string.IsNullOrEmpty(jwk.X))
        {
            return null;
        }

        try
        {
            var raw = Base64UrlEncoder.DecodeBytes(jwk.X);
            return raw.Length == Ed25519Verifier.PublicKeyLength ? raw : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The uncompressed point (0x04‖X‖Y) of a secp256k1 JWK (RFC 8812 §3.1), or null for anything else.</summary>
    /// <remarks>Whether the point is on the curve is decided where it is imported (<see cref="EcdsaP1363"/>): off it, nothing verifies.</remarks>
    private static byte[]? Secp256k1PublicKey(SecurityKey key)
    {
        if (key is not JsonWebKey { Kty: "EC", Crv: "secp256k1" } jwk || string.IsNullOrEmpty(jwk.X) || string.IsNullOrEmpty(jwk.Y))
        {
            return null;
        }

        try
        {
            return [0x04, .. Base64UrlEncoder.DecodeBytes(jwk.X), .. Base64UrlEncoder.DecodeBytes(jwk.Y)];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Verifies with the raw key of its algorithm: Ed25519 (32 bytes) or a secp256k1 point.</summary>
    private sealed class AddedSignatureProvider(SecurityKey key, string algorithm, byte[] publicKey) : SignatureProvider(key, algorithm)
    {
        public override byte[] Sign(byte[] input) => throw new NotSupportedException("the verifier does not sign");

        public override bool Verify(byte[] input, byte[] signature) => Verify(input, 0, input.Length, signature, 0, signature.Length);

        public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength)
        {
            var data = input.AsSpan(inputOffset, inputLength);
            var sig = signature.AsSpan(signatureOffset, signatureLength);
            return Algorithm == EdDsa ? Ed25519Verifier.Verify(publicKey, data, sig) : EcdsaP1363.Verify(KeyKind.EcSecp256k1, publicKey, data, sig);
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
