using Verifier.Core.Tests.Attacks;
using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Keys;

/// <summary>
/// Base58 decoding is quadratic in the length, so a hostile token or proof could hand the verifier a multibase value
/// that pins a core for hours (a 150,000-character did:key kid cost 9.6 s before the cap). Values longer than any key
/// or signature are refused unread, with a message that says why, wherever base58 is read: a did:key, a proofValue.
/// </summary>
public sealed class LongMultibaseTests
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
