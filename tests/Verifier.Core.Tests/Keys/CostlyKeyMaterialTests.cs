using Verifier.Core.Tests.Attacks;
using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Keys;

/// <summary>
/// Key material whose cost grows with a length the badge chooses. Base58 decoding is quadratic in the length, so a
/// hostile token or proof could hand the verifier a multibase value that pins a core for hours (a 150,000-character
/// did:key kid cost 9.6 s before the cap): values longer than any key or signature are refused unread, with a message
/// that says why, wherever base58 is read (a did:key, a proofValue). An RSA exponent longer than 64 bits is refused
/// before any verification with it.
/// </summary>
public sealed class CostlyKeyMaterialTests
{
    private static readonly string Huge = "z" + new string('2', 200_000);

    [Fact]
    public async Task ResolveAsync_DidKeyLongerThanAnyKey_IsInvalidUnread()
    {
        using var sp = TestSupport.EngineFactory.Build();

        var result = await sp.GetRequiredService<IKeyResolver>().ResolveAsync("did:key:" + Huge, CancellationToken.None);

        Assert.Equal(KeyResolutionStatus.Invalid, result.Status);
        Assert.Contains("longer than any public key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VcJwt_KidWithAHugeDidKey_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Ed25519();

        var report = await lab.TextAsync(W.Jwt(key, W.Credential(issuerId: key.DidKey, url: null), kid: "did:key:" + Huge));

        Expect.Invalid(report);
        Assert.Contains("longer than any public key", Expect.Check(report, Ob3CheckIds.JwtKey, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    /// <summary>An RSA key whose public exponent is 512 bits makes each verification dozens of times slower: refused.</summary>
    [Fact]
    public async Task VcJwt_RsaKeyWithAHugeExponent_IsRefusedUnused()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Rsa();
        var jwk = key.Jwk();
        var exponent = new byte[64];
        exponent[0] = 0x01;
        exponent[^1] = 0x01;
        jwk["e"] = Base64UrlEncoder.Encode(exponent);
        var did = "did:jwk:" + Base64UrlEncoder.Encode(jwk.ToJsonString());

        var report = await lab.TextAsync(W.Jwt(key, W.Credential(issuerId: did, url: null), kid: did + "#0"));

        Expect.Invalid(report);
        Assert.Contains("exponent", Expect.Check(report, Ob3CheckIds.JwtKey, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataIntegrity_HugeProofValue_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Ed25519();
        var signed = DiSign.Jcs(W.Credential(issuerId: key.DidKey, url: null), key, key.DidKeyUrl);
        signed["proof"]!["proofValue"] = Huge;

        var report = await lab.TextAsync(signed.ToJsonString());

        Expect.Invalid(report);
        Assert.Contains("longer than any signature", Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }
}
