using Verifier.Core.Trust;

namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>Each way a VC-JWT can name its key, under the default and the strict issuer-binding policy.</summary>
public class VcJwtIssuerBindingTests
{
    private const string DidWeb = "did:web:issuer.example";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyAsync_DidWebKeyListedForAssertion_IsBoundInBothPolicies(bool strict)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.P256();
        HostDidDocument(f, key, listed: true);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: DidWeb)), kid: DidWeb + "#key-1"), strict);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.IssuerKey, CheckOutcome.Passed);
        Assert.True(report.Verification!.IssuerKeyBound);
        Assert.Equal(1, f.Server.Hits("/.well-known/did.json"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyAsync_DidWebKeyNotListedForAssertion_IsInvalidInBothPolicies(bool strict)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        HostDidDocument(f, key, listed: false);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: DidWeb)), kid: DidWeb + "#key-1"), strict);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("assertionMethod", ReportAssert.Has(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyAsync_DidKeyOfAnotherDid_IsInvalidInBothPolicies(bool strict)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var issuer = TestKey.Ed25519();
        using var signer = TestKey.Ed25519();

        var report = await f.VerifyAsync(Jwt.Sign(signer, Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: issuer.DidKey)), kid: signer.DidKeyUrl), strict);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData("EdDSA")]
    [InlineData("ES256")]
    public async Task VerifyAsync_DidKeyIssuer_IsBound(string alg)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = alg == "EdDSA" ? TestKey.Ed25519() : TestKey.P256();

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: key.DidKey)), kid: key.DidKeyUrl), strict: true);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.True(report.Verification!.IssuerKeyBound);
    }

    [Fact]
    public async Task VerifyAsync_DidJwkIssuer_IsBound()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Rsa();

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: key.DidJwk)), kid: key.DidJwk + "#0"), strict: true);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.True(report.Verification!.IssuerKeyBound);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default, VerificationOutcome.Invalid, CheckOutcome.Failed)]
    [InlineData(IssuerPolicy.Strict, VerificationOutcome.Invalid, CheckOutcome.Failed)]
    [InlineData(IssuerPolicy.Lenient, VerificationOutcome.Valid, CheckOutcome.Warning)]
    public async Task VerifyAsync_HeaderJwk_ProvesNothing(IssuerPolicy policy, VerificationOutcome outcome, CheckOutcome check)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Rsa();

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), jwk: key.Jwk()), policy);

        ReportAssert.Outcome(report, outcome);
        Assert.Contains(IssuerBinding.AnyoneCouldHaveSigned, ReportAssert.Has(report, Ob3CheckIds.IssuerKey, check).Message, StringComparison.Ordinal);
        Assert.False(report.Verification!.IssuerKeyBound);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default, VerificationOutcome.Invalid, CheckOutcome.Failed)]
    [InlineData(IssuerPolicy.Strict, VerificationOutcome.Invalid, CheckOutcome.Failed)]
    [InlineData(IssuerPolicy.Lenient, VerificationOutcome.Valid, CheckOutcome.Warning)]
    public async Task VerifyAsync_KidOutsideIssuerOrigin_ProvesNothing(IssuerPolicy policy, VerificationOutcome outcome, CheckOutcome check)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.P256();
        f.HostJwk(key);
        var credential = Ob3Fixtures.Credential(issuerId: "https://other-issuer.example/issuers/1");

        // The other issuer's document exists and lists no keys (a 404 would too): only the key's origin is in question.
        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: "https://issuer.example/keys/1"), policy,
            configure: o => o.Fetch.HostMap["other-issuer.example"] = f.Server.BaseUri.GetLeftPart(UriPartial.Authority));

        ReportAssert.Outcome(report, outcome);
        Assert.Contains(IssuerBinding.AnyoneCouldHaveSigned, ReportAssert.Has(report, Ob3CheckIds.IssuerKey, check).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task VerifyAsync_KeyListedByIssuerDocumentButNotForAssertion_IsInvalidInEveryPolicy(IssuerPolicy policy)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        HostIssuerProfile(f, key, listed: false);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: Ob3Fixtures.IssuerId + "#key-1"), policy);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("assertionMethod", ReportAssert.Has(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_FragmentKeyListedByIssuerDocument_IsBoundUnderStrict()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        HostIssuerProfile(f, key, listed: true);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: Ob3Fixtures.IssuerId + "#key-1"), strict: true);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.True(report.Verification!.IssuerKeyBound);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default, VerificationOutcome.Invalid, CheckOutcome.Failed)]
    [InlineData(IssuerPolicy.Strict, VerificationOutcome.Invalid, CheckOutcome.Failed)]
    [InlineData(IssuerPolicy.Lenient, VerificationOutcome.Valid, CheckOutcome.Warning)]
    public async Task VerifyAsync_MultikeyFragmentWithoutIssuerDocument_IsTakenFromFragmentButProvesNothing(IssuerPolicy policy, VerificationOutcome outcome, CheckOutcome check)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        f.Server.MapStatus("/issuers/1", 404);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: Ob3Fixtures.IssuerId + "#" + key.Multibase()), policy);

        ReportAssert.Outcome(report, outcome);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Passed);
        Assert.Contains(IssuerBinding.AnyoneCouldHaveSigned, ReportAssert.Has(report, Ob3CheckIds.IssuerKey, check).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_MultikeyFragmentListedByIssuerDocument_IsBound()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        var kid = Ob3Fixtures.IssuerId + "#" + key.Multibase();
        f.Server.MapJson("/issuers/1", new JsonObject { ["id"] = Ob3Fixtures.IssuerId, ["type"] = "Profile", ["assertionMethod"] = new JsonArray(kid) }.ToJsonString());

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid), strict: true);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.True(report.Verification!.IssuerKeyBound);
    }

    [Fact]
    public async Task VerifyAsync_MultikeyFragmentOfAnotherKey_DoesNotVerify()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        using var other = TestKey.Ed25519();
        f.Server.MapStatus("/issuers/1", 404);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: Ob3Fixtures.IssuerId + "#" + other.Multibase()));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyAsync_FragmentKeyOfAnotherDocument_IsInvalidInBothPolicies(bool strict)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        HostIssuerProfile(f, key, listed: true, path: "/issuers/2");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: "https://issuer.example/issuers/2#key-1"), strict);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_StrictPolicyFromConfiguration_AppliesToEveryRequest()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Rsa();

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), jwk: key.Jwk()), configure: o => o.Policy = IssuerPolicy.Strict);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
    }

    private static void HostDidDocument(Ob3Fixtures f, TestKey key, bool listed)
    {
        var doc = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1"),
            ["id"] = DidWeb,
            ["verificationMethod"] = new JsonArray(new JsonObject { ["id"] = DidWeb + "#key-1", ["type"] = "JsonWebKey", ["controller"] = DidWeb, ["publicKeyJwk"] = key.Jwk() }),
            ["authentication"] = new JsonArray(DidWeb + "#key-1"),
        };
        if (listed)
        {
            doc["assertionMethod"] = new JsonArray("#key-1");
        }

        f.Server.MapJson("/.well-known/did.json", doc.ToJsonString());
    }

    private static void HostIssuerProfile(Ob3Fixtures f, TestKey key, bool listed, string path = "/issuers/1")
    {
        var id = "https://issuer.example" + path;
        var doc = new JsonObject
        {
            ["id"] = id,
            ["type"] = "Profile",
            ["verificationMethod"] = new JsonArray(new JsonObject { ["id"] = id + "#key-1", ["type"] = "Multikey", ["controller"] = id, ["publicKeyMultibase"] = key.Multibase() }),
        };
        if (listed)
        {
            doc["assertionMethod"] = new JsonArray(id + "#key-1");
        }

        f.Server.MapJson(path, doc.ToJsonString());
    }
}
