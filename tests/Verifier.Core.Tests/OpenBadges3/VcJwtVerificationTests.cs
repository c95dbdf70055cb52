namespace Verifier.Core.Tests.OpenBadges3;

public class VcJwtVerificationTests
{
    [Theory]
    [InlineData("RS256")]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("EdDSA")]
    public async Task VerifyAsync_KidOnIssuerOrigin_IsValidAndBound(string alg)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = alg switch { "RS256" => TestKey.Rsa(), "ES256" => TestKey.P256(), "ES384" => TestKey.P384(), _ => TestKey.Ed25519() };
        var kid = f.HostJwk(key);
        var jwt = Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid);

        var report = await f.VerifyAsync(jwt);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Passed);
        ReportAssert.Has(report, Ob3CheckIds.IssuerKey, CheckOutcome.Passed);
        Assert.Equal("signed", report.Verification!.Method);
        Assert.Equal(alg, report.Verification.Algorithm);
        Assert.Equal(kid, report.Verification.KeyId);
        Assert.True(report.Verification.IssuerKeyBound);
        Assert.Equal("3.0", report.OpenBadgesVersion);
        Assert.Equal("Teamwork", report.Badge!.Name);
        Assert.Equal(Ob3Fixtures.IssuerId, report.Badge.IssuerId);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), report.Badge.IssuedOn);
    }

    [Fact]
    public async Task VerifyAsync_VcClaimForm_IsValidWithVcdm11Warning()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var credential = Ob3Fixtures.Credential(validFrom: null);
        credential["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        credential["issuanceDate"] = "2026-01-01T00:00:00Z";
        var payload = new JsonObject
        {
            ["vc"] = credential,
            ["iss"] = Ob3Fixtures.IssuerId,
            ["sub"] = Ob3Fixtures.SubjectId,
            ["jti"] = Ob3Fixtures.CredentialId,
            ["nbf"] = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(),
        };

        var report = await f.VerifyAsync(Jwt.Sign(key, payload, kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Context, CheckOutcome.Warning);
        ReportAssert.Has(report, Ob3CheckIds.JwtClaims, CheckOutcome.Passed);
    }

    /// <summary>
    /// One VC-JWT per case, made on the site (publishing the keys and documents it needs), with the outcome it must
    /// get and the check that decides it: these tests differed only in those lines, so they are rows of one theory.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task VerifyAsync_SignedCase_HasItsOutcomeAndDecidingCheck(string name)
    {
        var c = Cases[name];
        await using var f = await Ob3Fixtures.StartAsync();

        var report = await f.VerifyAsync(c.Make(f));

        ReportAssert.Outcome(report, c.Outcome);
        var check = c.CheckId is null ? null : ReportAssert.Has(report, c.CheckId, c.Check);
        if (c.Says is not null)
        {
            Assert.Contains(c.Says, check!.Message, StringComparison.Ordinal);
        }

        c.Then?.Invoke(f, report, check);
    }

    [Theory]
    [InlineData("iss", "https://someone-else.example/issuers/9")]
    [InlineData("sub", "did:example:someone-else")]
    [InlineData("jti", "https://issuer.example/credentials/43")]
    [InlineData("nbf", "1700000000")]
    public async Task VerifyAsync_ClaimContradictsCredential_IsInvalid(string claim, string value)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var payload = Ob3Fixtures.Payload(Ob3Fixtures.Credential());
        payload[claim] = claim == "nbf" ? JsonValue.Create(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(value);

        var report = await f.VerifyAsync(Jwt.Sign(key, payload, kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtClaims, CheckOutcome.Failed);
    }

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    /// <summary>A case: the VC-JWT it makes, its outcome, the deciding check (if any) and a word of its message, and what else holds.</summary>
    private sealed record SignedCase(
        Func<Ob3Fixtures, string> Make,
        VerificationOutcome Outcome,
        string? CheckId = null,
        CheckOutcome Check = CheckOutcome.Failed,
        string? Says = null,
        Action<Ob3Fixtures, VerificationReport, CheckResult?>? Then = null);

    private static readonly Dictionary<string, SignedCase> Cases = new(StringComparer.Ordinal)
    {
        ["tampered-payload"] = new(f =>
        {
            var tampered = Ob3Fixtures.Payload(Ob3Fixtures.Credential());
            tampered["name"] = "Something else";
            return Jwt.WithPayload(SignedByPublishedKey(f, TestKey.P256(), Ob3Fixtures.Credential()), tampered);
        }, VerificationOutcome.Invalid, Ob3CheckIds.JwtSignature),
        ["wrong-key-at-kid"] = new(
            f => Jwt.Sign(f.Keep(TestKey.Rsa()), Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: f.HostJwk(f.Keep(TestKey.Rsa()))),
            VerificationOutcome.Invalid, Ob3CheckIds.JwtSignature),
        ["algorithm-not-fitting-key"] = new(
            f => Jwt.Sign(f.Keep(TestKey.P256()), Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: f.HostJwk(f.Keep(TestKey.Rsa()))),
            VerificationOutcome.Invalid, Ob3CheckIds.JwtSignature, Says: "does not fit"),
        ["alg-none"] = new(
            _ => Jwt.Encode(new JsonObject { ["alg"] = "none", ["kid"] = "https://issuer.example/keys/1" }) + "." + Jwt.Encode(Ob3Fixtures.Payload(Ob3Fixtures.Credential())) + ".",
            VerificationOutcome.Invalid, Ob3CheckIds.JwtHeader, Then: (f, _, _) => Assert.Equal(0, f.Server.Hits("/keys/1"))),
        ["hs256-with-public-key-as-secret"] = new(f =>
        {
            var rsa = f.Keep(TestKey.Rsa());
            var kid = f.HostJwk(rsa);
            var secret = Encoding.UTF8.GetBytes(rsa.Jwk().ToJsonString());
            var input = Jwt.Encode(new JsonObject { ["alg"] = "HS256", ["kid"] = kid }) + "." + Jwt.Encode(Ob3Fixtures.Payload(Ob3Fixtures.Credential()));
            return input + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
        }, VerificationOutcome.Invalid, Ob3CheckIds.JwtHeader, Says: "never accepted"),
        ["private-key-in-header-jwk"] = new(f =>
        {
            var key = f.Keep(TestKey.Ed25519());
            return Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), jwk: key.Jwk(includePrivate: true));
        }, VerificationOutcome.Invalid, Ob3CheckIds.JwtHeader, Says: "\"d\""),
        ["both-kid-and-jwk"] = new(f =>
        {
            var (key, kid) = f.PublishKey(TestKey.P256());
            return Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid, jwk: key.Jwk());
        }, VerificationOutcome.Invalid, Ob3CheckIds.JwtHeader),
        ["jku-header-never-followed"] = new(f =>
        {
            var (key, kid) = f.PublishKey(TestKey.P256());
            f.Server.MapJson("/jwks", "{\"keys\":[]}");
            return Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid, header: h => h["jku"] = "https://issuer.example/jwks");
        }, VerificationOutcome.Valid, Ob3CheckIds.JwtHeader, CheckOutcome.Warning, Then: (f, _, _) => Assert.Equal(0, f.Server.Hits("/jwks"))),
        ["unreachable-key"] = new(f =>
        {
            f.Server.MapStatus("/keys/1", 503);
            return Jwt.Sign(f.Keep(TestKey.Rsa()), Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: "https://issuer.example/keys/1");
        }, VerificationOutcome.Indeterminate, Ob3CheckIds.JwtKey, Then: (_, _, check) => Assert.True(check!.Indeterminate)),
        ["expired"] = new(
            f => SignedByPublishedKey(f, TestKey.P256(), Ob3Fixtures.Credential(validUntil: "2026-05-01T00:00:00Z")),
            VerificationOutcome.Invalid, Ob3CheckIds.ValidUntil,
            Then: (_, report, _) => Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), report.Badge!.Expires)),
        ["not-yet-valid"] = new(
            f => SignedByPublishedKey(f, TestKey.P256(), Ob3Fixtures.Credential(validFrom: "2026-07-01T00:00:00Z")),
            VerificationOutcome.Invalid, Ob3CheckIds.ValidFrom),
        ["valid-from-within-clock-skew"] = new(
            f => SignedByPublishedKey(f, TestKey.P256(), Ob3Fixtures.Credential(validFrom: "2026-06-01T12:03:00Z")),
            VerificationOutcome.Valid),
        ["older-ob-context"] = new(f =>
        {
            var credential = Ob3Fixtures.Credential();
            credential["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json");
            return SignedByPublishedKey(f, TestKey.P256(), credential);
        }, VerificationOutcome.Valid, Ob3CheckIds.Context, CheckOutcome.Warning),
        ["clr-credential"] = new(f =>
        {
            var (key, kid) = f.PublishKey(TestKey.Rsa());
            var credential = Ob3Fixtures.Credential(type: "ClrCredential");
            credential["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
            credential["credentialSubject"] = new JsonObject
            {
                ["id"] = Ob3Fixtures.SubjectId,
                ["type"] = new JsonArray("ClrSubject"),
                ["verifiableCredential"] = new JsonArray(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid)), // a nested credential carries its own proof (clr.credential)
            };
            return Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid);
        }, VerificationOutcome.Valid, Ob3CheckIds.Type, CheckOutcome.Passed, Says: "CLR"),
    };

    /// <summary>Publishes <paramref name="key"/> at the issuer's /keys/1 and signs <paramref name="credential"/> under its kid.</summary>
    private static string SignedByPublishedKey(Ob3Fixtures f, TestKey key, JsonObject credential)
    {
        var (signer, kid) = f.PublishKey(key);
        return Jwt.Sign(signer, Ob3Fixtures.Payload(credential), kid: kid);
    }
}
