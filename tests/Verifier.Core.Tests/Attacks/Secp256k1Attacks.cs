using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// secp256k1 issuers (VC-JWT ES256K, RFC 8812; EcdsaSecp256k1Signature2019 proofs; did:key 0xe7 keys and did:web
/// documents listing EcdsaSecp256k1VerificationKey2019 methods). The rules are the ones every key type follows: the
/// genuine credential verifies with the key its issuer's identity holds, while a forger's key under the issuer's
/// method, a key the issuer's DID document does not list for assertion, an algorithm other than the key's curve fixes
/// (both ways), a DER signature where JOSE requires r‖s, a point off the curve or a changed credential never do.
/// </summary>
public sealed class Secp256k1Attacks
{
    private const string DidWebKey = W.DidWeb + "#key-1";

    /// <summary>did:web:real.edu's document with a secp256k1 2019 method holding the key as <paramref name="encoding"/>.</summary>
    private static JsonObject DidDocument(TestKey key, string encoding, bool forAssertion = true)
    {
        var method = new JsonObject { ["id"] = DidWebKey, ["type"] = "EcdsaSecp256k1VerificationKey2019", ["controller"] = W.DidWeb };
        switch (encoding)
        {
            case "publicKeyBase58":
                method["publicKeyBase58"] = SimpleBase.Base58.Bitcoin.Encode(key.Compressed());
                break;
            case "publicKeyHex":
                method["publicKeyHex"] = Convert.ToHexStringLower(key.Compressed());
                break;
            default:
                method["publicKeyJwk"] = key.Jwk();
                break;
        }

        var doc = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1"),
            ["id"] = W.DidWeb,
            ["verificationMethod"] = new JsonArray(method),
            [forAssertion ? "assertionMethod" : "authentication"] = new JsonArray(DidWebKey),
        };
        return doc;
    }

    /// <summary>A VCDM 1.1 credential: its context defines EcdsaSecp256k1Signature2019, as issuers of that suite used it.</summary>
    private static JsonObject Vc11(string issuerId) => W.Vc11Credential(issuerId);

    private static Task<VerificationReport> VerifyProofAsync(AttackLab lab, JsonObject signed, IssuerPolicy? policy = null) =>
        lab.TextAsync(signed.ToJsonString(), policy, configure: o => o.Contexts.Path = DiSign.ContextsFolder());

    [Theory]
    [InlineData("publicKeyBase58")]
    [InlineData("publicKeyHex")]
    [InlineData("publicKeyJwk")]
    public async Task Es256K_DidWebIssuerListingItsKey_IsValid(string encoding)
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Secp256k1();
        lab.Serve(W.DidWebUrl, DidDocument(key, encoding));

        var report = await lab.TextAsync(W.Jwt(key, W.Credential(issuerId: W.DidWeb, url: null), kid: DidWebKey), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.DidWeb, IssuerProofs.DidDocument);
        Assert.Equal("ES256K", report.Verification?.Algorithm);
    }

    [Fact]
    public async Task Es256K_GenuineDidKey_IsValid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Secp256k1();

        var report = await lab.TextAsync(W.Jwt(key, W.Credential(issuerId: key.DidKey, url: null), kid: key.DidKeyUrl), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, key.DidKey, IssuerProofs.DidKeyIssuer);
    }

    [Fact]
    public async Task Es256K_ForgerSignatureUnderIssuersDidWebKey_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var real = TestKey.Secp256k1();
        using var forger = TestKey.Secp256k1();
        lab.Serve(W.DidWebUrl, DidDocument(real, "publicKeyBase58"));

        var report = await lab.TextAsync(W.Jwt(forger, W.Credential(issuerId: W.DidWeb, url: null), kid: DidWebKey));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Es256K_KeyListedOnlyForAuthentication_IsNotBound()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Secp256k1();
        lab.Serve(W.DidWebUrl, DidDocument(key, "publicKeyBase58", forAssertion: false));

        var report = await lab.TextAsync(W.Jwt(key, W.Credential(issuerId: W.DidWeb, url: null), kid: DidWebKey), IssuerPolicy.Strict);

        Expect.NotValid(report);
        Assert.False(report.Issuer?.Verified ?? false, "a key the DID document lists only for authentication must not assert credentials");
    }

    [Fact]
    public async Task Es256K_ForgerDidKeyNamingTheRealDidWebIssuer_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var real = TestKey.Secp256k1();
        using var forger = TestKey.Secp256k1();
        lab.Serve(W.DidWebUrl, DidDocument(real, "publicKeyJwk"));

        var report = await lab.TextAsync(W.Jwt(forger, W.Credential(issuerId: W.DidWeb, url: null), kid: forger.DidKeyUrl));

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Theory]
    [InlineData("ES256K", "ES256")]
    [InlineData("ES256", "ES256K")]
    public async Task Es256K_AlgorithmOfAnotherCurveThanTheKey_IsInvalid(string keyAlg, string headerAlg)
    {
        await using var lab = await StartAsync();
        using var key = keyAlg == "ES256K" ? TestKey.Secp256k1() : TestKey.P256();

        // Signed by the issuer's own key with SHA-256 either way: only the header's claim about the curve is wrong.
        var jwt = W.Jwt(key, W.Credential(issuerId: key.DidKey, url: null), kid: key.DidKeyUrl, header: h => h["alg"] = headerAlg);
        var report = await lab.TextAsync(jwt);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Es256K_DerEncodedSignature_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Secp256k1();
        var jwt = W.Jwt(key, W.Credential(issuerId: key.DidKey, url: null), kid: key.DidKeyUrl);
        var parts = jwt.Split('.');
        var raw = Base64UrlEncoder.DecodeBytes(parts[2]);

        // The same (r, s) in ASN.1 DER, which RFC 7515 §A.3 / RFC 8812 do not allow for JWS: never accepted.
        var der = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (der.PushSequence())
        {
            der.WriteIntegerUnsigned(raw.AsSpan(0, 32));
            der.WriteIntegerUnsigned(raw.AsSpan(32));
        }

        var report = await lab.TextAsync($"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(der.Encode())}");

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Es256K_PointOffTheCurve_IsRefused()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Secp256k1();
        var jwk = key.Jwk();
        var y = Base64UrlEncoder.DecodeBytes((string)jwk["y"]!);
        y[^1] ^= 1;
        jwk["y"] = Base64UrlEncoder.Encode(y);
        var did = "did:jwk:" + Base64UrlEncoder.Encode(jwk.ToJsonString());

        var report = await lab.TextAsync(W.Jwt(key, W.Credential(issuerId: did, url: null), kid: did + "#0"));

        Expect.Invalid(report);
        Assert.Contains("not a point on its curve", Expect.Check(report, Ob3CheckIds.JwtKey, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secp256k1Signature2019_GenuineDidKey_IsValid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Secp256k1();

        var report = await VerifyProofAsync(lab, await DiSign.EcdsaSecp256k1Signature2019Async(Vc11(key.DidKey), key, key.DidKeyUrl), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, key.DidKey, IssuerProofs.DidKeyIssuer);
    }

    /// <summary>A VCDM 2.0 credential naming the suite's own context (pinned in contexts/), which defines the proof type there.</summary>
    [Fact]
    public async Task Secp256k1Signature2019_Vcdm2WithTheSuiteContext_IsValid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Secp256k1();
        var credential = W.Credential(issuerId: key.DidKey, url: null);
        credential["@context"]!.AsArray().Add("https://w3id.org/security/suites/secp256k1-2019/v1");

        var report = await VerifyProofAsync(lab, await DiSign.EcdsaSecp256k1Signature2019Async(credential, key, key.DidKeyUrl), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, key.DidKey, IssuerProofs.DidKeyIssuer);
    }

    [Fact]
    public async Task Secp256k1Signature2019_DidWebIssuerWithBase58Key_IsValid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Secp256k1();
        lab.Serve(W.DidWebUrl, DidDocument(key, "publicKeyBase58"));

        var report = await VerifyProofAsync(lab, await DiSign.EcdsaSecp256k1Signature2019Async(Vc11(W.DidWeb), key, DidWebKey), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.DidWeb, IssuerProofs.DidDocument);
    }

    [Fact]
    public async Task Secp256k1Signature2019_ForgerSignatureUnderIssuersMethod_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var real = TestKey.Secp256k1();
        using var forger = TestKey.Secp256k1();
        lab.Serve(W.DidWebUrl, DidDocument(real, "publicKeyBase58"));

        var report = await VerifyProofAsync(lab, await DiSign.EcdsaSecp256k1Signature2019Async(Vc11(W.DidWeb), forger, DidWebKey));

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Secp256k1Signature2019_SubjectChangedAfterSigning_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Secp256k1();
        var signed = await DiSign.EcdsaSecp256k1Signature2019Async(Vc11(key.DidKey), key, key.DidKeyUrl);
        signed["credentialSubject"]!["id"] = W.OtherSubjectId;

        var report = await VerifyProofAsync(lab, signed);

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData("ES256")]
    [InlineData("EdDSA")]
    public async Task Secp256k1Signature2019_HeaderNamingAnotherAlgorithm_IsInvalid(string headerAlg)
    {
        await using var lab = await StartAsync();
        using var key = TestKey.Secp256k1();
        var header = $"{{\"alg\":\"{headerAlg}\",\"b64\":false,\"crit\":[\"b64\"]}}";

        var report = await VerifyProofAsync(lab, await DiSign.EcdsaSecp256k1Signature2019Async(Vc11(key.DidKey), key, key.DidKeyUrl, header));

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Secp256k1Signature2019_MadeWithAP256Key_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.P256();

        // A genuine P-256 signature, labelled ES256K: the suite takes secp256k1 keys only.
        var header = "{\"alg\":\"ES256K\",\"b64\":false,\"crit\":[\"b64\"]}";
        var report = await VerifyProofAsync(lab, await DiSign.EcdsaSecp256k1Signature2019Async(Vc11(key.DidKey), key, key.DidKeyUrl, header));

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }
}
