using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// The legacy Ed25519Signature2018 proof (a detached, unencoded-payload JWS over the RDFC hashes). Rule 3 and what the
/// proof signs, as for the other suites: the genuine did:key credential verifies; a changed credential, a forger's
/// signature under the issuer's method, a JWS header that names another algorithm or carries another parameter (a kid
/// or jwk the verifier would be invited to use), or an attached payload never verify; and a forger's own did:key never
/// speaks for an https issuer.
/// </summary>
public sealed class Ed25519Signature2018Attacks
{
    /// <summary>A VCDM 1.1 OB 3.0 credential, the form plugfest issuers of this suite used (the v1 context defines it).</summary>
    private static JsonObject Credential(string issuerId) => W.Vc11Credential(issuerId);

    private static Task<VerificationReport> VerifyAsync(AttackLab lab, JsonObject signed, IssuerPolicy? policy = null) =>
        lab.TextAsync(signed.ToJsonString(), policy, configure: o => o.Contexts.Path = DiSign.ContextsFolder());

    [SkippableFact]
    public async Task Ed2018_GenuineDidKey_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var key = world.RealKey;

        var report = await VerifyAsync(lab, await DiSign.Ed25519Signature2018Async(Credential(key.DidKey), key, key.DidKeyUrl));

        Expect.Valid(report);
        Expect.IssuerProven(report, key.DidKey, IssuerProofs.DidKeyIssuer);
    }

    [SkippableFact]
    public async Task Ed2018_AchievementRenamedAfterSigning_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var key = world.RealKey;
        var signed = await DiSign.Ed25519Signature2018Async(Credential(key.DidKey), key, key.DidKeyUrl);
        signed["credentialSubject"]!["achievement"]!["name"] = "Rocket Science";

        var report = await VerifyAsync(lab, signed);

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    [SkippableFact]
    public async Task Ed2018_ForgerSignatureUnderIssuerMethod_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var real = world.RealKey;

        var report = await VerifyAsync(lab, await DiSign.Ed25519Signature2018Async(Credential(real.DidKey), world.EvilKey, real.DidKeyUrl));

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [SkippableTheory]
    [InlineData("{\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"]}")]
    [InlineData("{\"alg\":\"none\",\"b64\":false,\"crit\":[\"b64\"]}")]
    [InlineData("{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"],\"kid\":\"https://evil.example/keys/1\"}")]
    [InlineData("{\"alg\":\"EdDSA\",\"b64\":true,\"crit\":[\"b64\"]}")]
    [InlineData("{\"alg\":\"EdDSA\"}")]
    [InlineData("{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"],\"alg\":\"EdDSA\"}")]
    public async Task Ed2018_HeaderOtherThanTheSuitesOwn_IsInvalid(string header)
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var key = world.RealKey;

        // Signed correctly by the real key over that header: only the header itself is wrong.
        var report = await VerifyAsync(lab, await DiSign.Ed25519Signature2018Async(Credential(key.DidKey), key, key.DidKeyUrl, header));

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    [SkippableFact]
    public async Task Ed2018_AttachedPayload_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var key = world.RealKey;
        var signed = await DiSign.Ed25519Signature2018Async(Credential(key.DidKey), key, key.DidKeyUrl);
        var parts = signed["proof"]!["jws"]!.GetValue<string>().Split('.');
        signed["proof"]!["jws"] = parts[0] + "." + Base64UrlEncoder.Encode("{}") + "." + parts[2];

        var report = await VerifyAsync(lab, signed);

        Expect.Invalid(report);
    }

    [SkippableTheory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task Ed2018_ForgerDidKeyNamingRealHttpsIssuer_IsNotValid(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var forger = world.EvilKey;

        var report = await VerifyAsync(lab, await DiSign.Ed25519Signature2018Async(Credential(W.IssuerId), forger, forger.DidKeyUrl), policy);

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }
}
