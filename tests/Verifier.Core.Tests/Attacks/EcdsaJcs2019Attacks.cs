using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// ecdsa-jcs-2019 (vc-di-ecdsa §3.4: JCS, then the curve's hash and ECDSA). Genuine P-256 and P-384 did:key
/// credentials verify; a changed credential, an Ed25519 key under the suite, hashes of the wrong length for the curve,
/// or a forger's signature under the issuer's method never do.
/// </summary>
public sealed class EcdsaJcs2019Attacks
{
    private const string Suite = "ecdsa-jcs-2019";

    private static TestKey Make(string alg) => alg == "ES384" ? TestKey.P384() : TestKey.P256();

    [Theory]
    [InlineData("ES256")]
    [InlineData("ES384")]
    public async Task EcdsaJcs_GenuineDidKey_IsValid(string alg)
    {
        await using var lab = await StartAsync();
        using var key = Make(alg);

        var report = await lab.TextAsync(DiSign.Jcs(W.Credential(issuerId: key.DidKey, url: null), key, key.DidKeyUrl, cryptosuite: Suite).ToJsonString());

        Expect.Valid(report);
        Expect.IssuerProven(report, key.DidKey, IssuerProofs.DidKeyIssuer);
    }

    [Fact]
    public async Task EcdsaJcs_AchievementRenamedAfterSigning_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.P256();
        var signed = DiSign.Jcs(W.Credential(issuerId: key.DidKey, url: null), key, key.DidKeyUrl, cryptosuite: Suite);
        signed["credentialSubject"]!["achievement"]!["name"] = "Rocket Science";

        var report = await lab.TextAsync(signed.ToJsonString());

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    [Fact]
    public async Task EcdsaJcs_P384SignedOverSha256Hashes_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.P384();

        var report = await lab.TextAsync(DiSign.Jcs(W.Credential(issuerId: key.DidKey, url: null), key, key.DidKeyUrl, cryptosuite: Suite, hash: HashAlgorithmName.SHA256).ToJsonString());

        Expect.Invalid(report);
    }

    [Fact]
    public async Task EcdsaJcs_Ed25519KeyUnderTheEcdsaSuite_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var key = world.RealKey;

        var report = await lab.TextAsync(DiSign.Jcs(W.Credential(issuerId: key.DidKey, url: null), key, key.DidKeyUrl, cryptosuite: Suite).ToJsonString());

        Expect.Invalid(report);
    }

    [Fact]
    public async Task EcdsaJcs_ForgerSignatureUnderIssuerMethod_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var real = TestKey.P256();
        using var forger = TestKey.P256();

        var report = await lab.TextAsync(DiSign.Jcs(W.Credential(issuerId: real.DidKey, url: null), forger, real.DidKeyUrl, cryptosuite: Suite).ToJsonString());

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }
}
