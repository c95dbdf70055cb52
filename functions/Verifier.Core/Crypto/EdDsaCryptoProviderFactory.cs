using Microsoft.IdentityModel.Tokens;

namespace Verifier.Core.Crypto;

/// <summary>
/// Plugs EdDSA (RFC 8037, Ed25519 only) into IdentityModel, which has no built-in support. Every other algorithm is
/// left to the default factory. Verification only: the verifier never signs.
/// </summary>
internal sealed class EdDsaCryptoProviderFactory : CryptoProviderFactory
{
    public const string Algorithm = "EdDSA";

    public static EdDsaCryptoProviderFactory Instance { get; } = new();

    public override bool IsSupportedAlgorithm(string algorithm, SecurityKey key) =>
        algorithm == Algorithm ? Ed25519PublicKey(key) is not null : base.IsSupportedAlgorithm(algorithm, key);

    public override SignatureProvider CreateForVerifying(SecurityKey key, string algorithm)
    {
        if (algorithm != Algorithm)
        {
            return base.CreateForVerifying(key, algorithm);
        }

        var raw = Ed25519PublicKey(key) ?? throw new NotSupportedException("EdDSA needs an OKP key on curve Ed25519");
        return new EdDsaSignatureProvider(key, raw);
    }

    public override SignatureProvider CreateForSigning(SecurityKey key, string algorithm) =>
        algorithm == Algorithm ? throw new NotSupportedException("the verifier does not sign") : base.CreateForSigning(key, algorithm);

    public override void ReleaseSignatureProvider(SignatureProvider signatureProvider)
    {
        if (signatureProvider is EdDsaSignatureProvider)
        {
            signatureProvider.Dispose();
            return;
        }

        base.ReleaseSignatureProvider(signatureProvider);
    }

    /// <summary>The raw 32-byte key of an OKP/Ed25519 JWK (RFC 8037 §2), or null for anything else.</summary>
    internal static byte[]? Ed25519PublicKey(SecurityKey key)
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

    private sealed class EdDsaSignatureProvider(SecurityKey key, byte[] publicKey) : SignatureProvider(key, EdDsaCryptoProviderFactory.Algorithm)
    {
        public override byte[] Sign(byte[] input) => throw new NotSupportedException("the verifier does not sign");

        public override bool Verify(byte[] input, byte[] signature) => Ed25519Verifier.Verify(publicKey, input, signature);

        public override bool Verify(byte[] input, int inputOffset, int inputLength, byte[] signature, int signatureOffset, int signatureLength) =>
            Ed25519Verifier.Verify(publicKey, input.AsSpan(inputOffset, inputLength), signature.AsSpan(signatureOffset, signatureLength));

        protected override void Dispose(bool disposing)
        {
        }
    }
}
