using Microsoft.IdentityModel.JsonWebTokens;
using Verifier.Core.Crypto;

namespace Verifier.Core.Tests.Crypto;

public class Ed25519VerifierTests
{
    // RFC 8032 §7.1 TEST 2: one-byte message 0x72.
    private static readonly byte[] Rfc8032PublicKey = Convert.FromHexString("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    private static readonly byte[] Rfc8032Signature = Convert.FromHexString(
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

    [Fact]
    public void Verify_Rfc8032Vector_IsTrue() => Assert.True(Ed25519Verifier.Verify(Rfc8032PublicKey, [0x72], Rfc8032Signature));

    [Fact]
    public void Verify_OtherMessage_IsFalse() => Assert.False(Ed25519Verifier.Verify(Rfc8032PublicKey, [0x73], Rfc8032Signature));

    [Fact]
    public void Verify_WrongLengths_AreFalseNotExceptions()
    {
        Assert.False(Ed25519Verifier.Verify(Rfc8032PublicKey.AsSpan(0, 31), [0x72], Rfc8032Signature));
        Assert.False(Ed25519Verifier.Verify(Rfc8032PublicKey, [0x72], Rfc8032Signature.AsSpan(0, 63)));
    }

    [Fact]
    public async Task EdDsaProvider_ThroughIdentityModel_AcceptsGoodAndRejectsBadSignatures()
    {
        using var key = TestKey.Ed25519();
        var jwt = Jwt.Sign(key, new JsonObject { ["sub"] = "x" });
        var jwk = new JsonWebKey { Kty = "OKP", Crv = "Ed25519", X = Base64UrlEncoder.Encode(key.PublicRaw), KeyId = "k" };
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            CryptoProviderFactory = AddedAlgorithmsCryptoProviderFactory.Instance,
            IssuerSigningKeyResolver = (_, _, _, _) => [jwk],
        };
        var handler = new JsonWebTokenHandler();
        var parts = jwt.Split('.');
        var flipped = parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(Base64UrlEncoder.DecodeBytes(parts[2]).Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray());

        Assert.True((await handler.ValidateTokenAsync(jwt, parameters)).IsValid);
        Assert.False((await handler.ValidateTokenAsync(flipped, parameters)).IsValid);
    }
}
