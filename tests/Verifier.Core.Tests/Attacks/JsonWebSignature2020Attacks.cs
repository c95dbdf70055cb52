using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// JsonWebSignature2020 (a detached JWS over the RDFC hashes, algorithm fixed by the key's type). Genuine did:key
/// credentials verify with Ed25519, P-256, P-384 and secp256k1 keys; a header naming another algorithm than the key's (algorithm
/// substitution), a forger's signature under the issuer's method, a changed credential, or a forger's own key
/// naming an https issuer never do.
/// </summary>
public sealed class JsonWebSignature2020Attacks
{
    private const string Jws2020Context = "https://w3id.org/security/suites/jws-2020/v1";

    private static JsonObject Credential(string issuerId)
    {
        var credential = W.Credential(issuerId: issuerId, url: null);
        credential["@context"]!.AsArray().Add(Jws2020Context);
        return credential;
    }

    private static Task<VerificationReport> VerifyAsync(AttackLab lab, JsonObject signed, IssuerPolicy? policy = null) =>
        lab.TextAsync(signed.ToJsonString(), policy, configure: o => o.Contexts.Path = DiSign.ContextsFolder());

    public static TheoryData<string> Keys => ["EdDSA", "ES256", "ES384", "ES256K"];

    private static TestKey Make(string alg) => alg switch
    {
        "ES256" => TestKey.P256(),
        "ES256K" => TestKey.Secp256k1(),
        "ES384" => TestKey.P384(),
        _ => TestKey.Ed25519(),
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Jws2020_GenuineDidKey_IsValid(string alg)
    {
        await using var lab = await StartAsync();
        using var key = Make(alg);

        var report = await VerifyAsync(lab, await DiSign.JsonWebSignature2020Async(Credential(key.DidKey), key, key.DidKeyUrl));

        Expect.Valid(report);
        Expect.IssuerProven(report, key.DidKey, IssuerProofs.DidKeyIssuer);
    }

    [Theory]
    [InlineData("ES256", "ES384")]
    [InlineData("ES256", "EdDSA")]
    [InlineData("EdDSA", "ES256")]
    [InlineData("ES256K", "ES256")]
    [InlineData("ES256", "ES256K")]
    public async Task Jws2020_HeaderAlgorithmOtherThanTheKeys_IsInvalid(string keyAlg, string headerAlg)
    {
        await using var lab = await StartAsync();
        using var key = Make(keyAlg);
        var header = $"{{\"alg\":\"{headerAlg}\",\"b64\":false,\"crit\":[\"b64\"]}}";

        // Signed by the real key over that header: only the algorithm the header names is wrong.
        var report = await VerifyAsync(lab, await DiSign.JsonWebSignature2020Async(Credential(key.DidKey), key, key.DidKeyUrl, header));

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Jws2020_HeaderWithJwkOfAnotherKey_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var key = world.RealKey;
        var header = "{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"],\"jwk\":" + world.EvilKey.Jwk().ToJsonString() + "}";

        var report = await VerifyAsync(lab, await DiSign.JsonWebSignature2020Async(Credential(key.DidKey), key, key.DidKeyUrl, header));

        Expect.Invalid(report);
    }

    [Fact]
    public async Task Jws2020_SubjectChangedAfterSigning_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.P256();
        var signed = await DiSign.JsonWebSignature2020Async(Credential(key.DidKey), key, key.DidKeyUrl);
        signed["credentialSubject"]!["id"] = W.OtherSubjectId;

        var report = await VerifyAsync(lab, signed);

        Expect.Invalid(report);
    }

    [Fact]
    public async Task Jws2020_ForgerSignatureUnderIssuerMethod_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var real = world.RealKey;

        var report = await VerifyAsync(lab, await DiSign.JsonWebSignature2020Async(Credential(real.DidKey), world.EvilKey, real.DidKeyUrl));

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task Jws2020_ForgerDidKeyNamingRealHttpsIssuer_IsNotValid(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var forger = world.EvilKey;

        var report = await VerifyAsync(lab, await DiSign.JsonWebSignature2020Async(Credential(W.IssuerId), forger, forger.DidKeyUrl), policy);

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }
}
