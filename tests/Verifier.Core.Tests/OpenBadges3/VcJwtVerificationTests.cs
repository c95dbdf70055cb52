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

    [Fact]
    public async Task VerifyAsync_TamperedPayload_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var jwt = Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid);
        var tampered = Ob3Fixtures.Payload(Ob3Fixtures.Credential());
        tampered["name"] = "Something else";

        var report = await f.VerifyAsync(Jwt.WithPayload(jwt, tampered));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_WrongKeyAtKid_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var signer = TestKey.Rsa();
        using var other = TestKey.Rsa();
        var kid = f.HostJwk(other);

        var report = await f.VerifyAsync(Jwt.Sign(signer, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_AlgorithmNotFittingKey_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var signer = TestKey.P256();
        using var rsa = TestKey.Rsa();
        var kid = f.HostJwk(rsa);

        var report = await f.VerifyAsync(Jwt.Sign(signer, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("does not fit", ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AlgNone_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var header = new JsonObject { ["alg"] = "none", ["kid"] = "https://issuer.example/keys/1" };
        var jwt = Jwt.Encode(header) + "." + Jwt.Encode(Ob3Fixtures.Payload(Ob3Fixtures.Credential())) + ".";

        var report = await f.VerifyAsync(jwt);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed);
        Assert.Equal(0, f.Server.Hits("/keys/1"));
    }

    [Fact]
    public async Task VerifyAsync_Hs256WithPublicKeyAsSecret_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var rsa = TestKey.Rsa();
        var kid = f.HostJwk(rsa);
        var secret = Encoding.UTF8.GetBytes(rsa.Jwk().ToJsonString());
        var input = Jwt.Encode(new JsonObject { ["alg"] = "HS256", ["kid"] = kid }) + "." + Jwt.Encode(Ob3Fixtures.Payload(Ob3Fixtures.Credential()));
        var jwt = input + "." + Base64UrlEncoder.Encode(System.Security.Cryptography.HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));

        var report = await f.VerifyAsync(jwt);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("never accepted", ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_PrivateKeyInHeaderJwk_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), jwk: key.Jwk(includePrivate: true)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("\"d\"", ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_BothKidAndJwk_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid, jwk: key.Jwk()));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_JkuHeader_IsNeverFollowed()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        f.Server.MapJson("/jwks", "{\"keys\":[]}");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid, header: h => h["jku"] = "https://issuer.example/jwks"));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Warning);
        Assert.Equal(0, f.Server.Hits("/jwks"));
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

    [Fact]
    public async Task VerifyAsync_UnreachableKey_IsIndeterminate()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Rsa();
        f.Server.MapStatus("/keys/1", 503);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: "https://issuer.example/keys/1"));

        ReportAssert.Outcome(report, VerificationOutcome.Indeterminate);
        Assert.True(ReportAssert.Has(report, Ob3CheckIds.JwtKey, CheckOutcome.Failed).Indeterminate);
    }

    [Fact]
    public async Task VerifyAsync_Expired_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var credential = Ob3Fixtures.Credential(validUntil: "2026-05-01T00:00:00Z");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.ValidUntil, CheckOutcome.Failed);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), report.Badge!.Expires);
    }

    [Fact]
    public async Task VerifyAsync_NotYetValid_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential(validFrom: "2026-07-01T00:00:00Z")), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.ValidFrom, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_ValidFromWithinClockSkew_IsValid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential(validFrom: "2026-06-01T12:03:00Z")), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
    }

    [Fact]
    public async Task VerifyAsync_OlderObContext_IsWarning()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var credential = Ob3Fixtures.Credential();
        credential["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Context, CheckOutcome.Warning);
    }

    [Fact]
    public async Task VerifyAsync_ClrCredential_IsValid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var credential = Ob3Fixtures.Credential(type: "ClrCredential");
        credential["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        credential["credentialSubject"] = new JsonObject
        {
            ["id"] = Ob3Fixtures.SubjectId,
            ["type"] = new JsonArray("ClrSubject"),
            ["verifiableCredential"] = new JsonArray(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid)), // a nested credential carries its own proof (clr.credential)
        };

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Contains("CLR", ReportAssert.Has(report, Ob3CheckIds.Type, CheckOutcome.Passed).Message, StringComparison.Ordinal);
    }
}
