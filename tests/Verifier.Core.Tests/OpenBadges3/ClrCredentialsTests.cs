namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>CLR 2.0 ClrCredentials whose nested AchievementCredentials are verified, and the refreshed credential.</summary>
public class ClrCredentialsTests
{
    [Fact]
    public async Task VerifyAsync_TwoValidNestedJwts_ValidWithTwoNestedReports()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var clr = Clr(Achievement(key, kid, 1), Achievement(key, kid, 2));

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(clr), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal(2, report.Checks.Count(c => c.Id == Ob3CheckIds.ClrCredential && c.Outcome == CheckOutcome.Passed));
        Assert.Equal(2, report.Credentials!.Count);
        Assert.All(report.Credentials, r => ReportAssert.Has(r, Ob3CheckIds.JwtSignature, CheckOutcome.Passed));
        Assert.Equal("https://issuer.example/credentials/2", report.Credentials[1].Badge!.Id);
        var json = JsonSerializer.SerializeToNode(report, ReportJson.Options)!;
        Assert.Equal(2, json["credentials"]!.AsArray().Count);
    }

    [Fact]
    public async Task VerifyAsync_MemberAsEnvelopedCredential_IsVerifiedAsItsToken()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var clr = Clr(Achievement(key, kid, 1));
        clr["credentialSubject"]!["verifiableCredential"]!.AsArray().Add(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = "data:application/vc+jwt," + Achievement(key, kid, 2),
            ["type"] = "EnvelopedVerifiableCredential",
        });

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(clr), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal(2, report.Credentials!.Count);
        ReportAssert.Has(report.Credentials[1], Ob3CheckIds.Envelope, CheckOutcome.Passed);
        Assert.Equal("https://issuer.example/credentials/2", report.Credentials[1].Badge!.Id);
    }

    [Fact]
    public async Task VerifyAsync_OneTamperedNestedCredential_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var tamperedPayload = Ob3Fixtures.Payload(Credential(2));
        tamperedPayload["name"] = "Leadership";
        var tampered = Jwt.WithPayload(Achievement(key, kid, 2), tamperedPayload);
        var clr = Clr(Achievement(key, kid, 1), tampered);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(clr), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.ClrCredential, CheckOutcome.Passed);
        ReportAssert.Has(report, Ob3CheckIds.ClrCredential, CheckOutcome.Failed);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Passed);
        ReportAssert.Has(report.Credentials![1], Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_NestedKeyUnreachable_IsIndeterminate()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        using var other = TestKey.P256();
        var kid = f.HostJwk(key);
        f.Server.MapStatus("/keys/down", 503);
        var clr = Clr(Achievement(key, kid, 1), Achievement(other, "https://issuer.example/keys/down", 2));

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(clr), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Indeterminate);
        Assert.True(ReportAssert.Has(report, Ob3CheckIds.ClrCredential, CheckOutcome.Failed).Indeterminate);
        Assert.Equal(VerificationOutcome.Indeterminate, report.Credentials![1].Outcome);
        Assert.Equal(VerificationOutcome.Valid, report.Credentials[0].Outcome);
    }

    [Fact]
    public async Task VerifyAsync_ClrInsideClr_NestedClrFails()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var inner = Clr(Achievement(key, kid, 1));
        var outer = Clr(Jwt.Sign(key, Ob3Fixtures.Payload(inner), kid: kid));

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(outer), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        var nested = Assert.Single(report.Credentials!);
        ReportAssert.Has(nested, Ob3CheckIds.ClrCredential, CheckOutcome.Failed);
        Assert.Null(nested.Credentials);
    }

    [Fact]
    public async Task VerifyAsync_NestedEndorsementCredential_NestedReportFails()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var endorsement = Ob3Fixtures.Credential(type: "EndorsementCredential");
        endorsement["credentialSubject"] = new JsonObject { ["id"] = "https://issuer.example/achievements/teamwork", ["type"] = new JsonArray("EndorsementSubject") };
        var clr = Clr(Jwt.Sign(key, Ob3Fixtures.Payload(endorsement), kid: kid));

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(clr), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report.Credentials![0], Ob3CheckIds.JwtSignature, CheckOutcome.Passed);
        Assert.Contains("EndorsementCredential", ReportAssert.Has(report.Credentials[0], Ob3CheckIds.ClrCredential, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_NestedJsonWithForgedEmbeddedProof_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var nested = Credential(3);
        nested["proof"] = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-jcs-2022",
            ["proofPurpose"] = "assertionMethod",
            ["verificationMethod"] = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            ["proofValue"] = "z" + new string('1', 86),
        };
        var clr = Clr();
        clr["credentialSubject"]!["verifiableCredential"] = new JsonArray(nested);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(clr), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.False(ReportAssert.Has(report, Ob3CheckIds.ClrCredential, CheckOutcome.Failed).Indeterminate);
        Assert.Equal("json", report.Credentials![0].Input.Format);
        Assert.Equal("proof", report.Credentials[0].Verification!.Method);
    }

    [Fact]
    public async Task VerifyAsync_NotACredentialInVerifiableCredential_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var clr = Clr();
        clr["credentialSubject"]!["verifiableCredential"] = new JsonArray(42);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(clr), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.ClrCredential, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_RefreshedCredentialValid_NestedReportAndRefreshedOnce()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var refreshed = WithRefresh(Credential(7));
        f.Server.MapJson("/refresh", Jwt.Sign(key, Ob3Fixtures.Payload(refreshed), kid: kid), contentType: "application/vc+jwt");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(WithRefresh(Ob3Fixtures.Credential())), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Refresh, CheckOutcome.Passed);
        Assert.Equal(VerificationOutcome.Valid, report.Refreshed!.Outcome);
        Assert.Equal("https://issuer.example/credentials/7", report.Refreshed.Badge!.Id);
        Assert.DoesNotContain(report.Refreshed.Checks, c => c.Id == Ob3CheckIds.Refresh);
        Assert.Equal(1, f.Server.Hits("/refresh"));
    }

    [Fact]
    public async Task VerifyAsync_RefreshedCredentialTampered_WarnsAndKeepsOriginal()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var payload = Ob3Fixtures.Payload(Credential(7));
        var signed = Jwt.Sign(key, payload, kid: kid);
        payload["name"] = "Forged";
        f.Server.MapJson("/refresh", Jwt.WithPayload(signed, payload), contentType: "application/vc+jwt");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(WithRefresh(Ob3Fixtures.Credential())), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Refresh, CheckOutcome.Warning);
        Assert.Equal(VerificationOutcome.Invalid, report.Refreshed!.Outcome);
    }

    private static JsonObject Credential(int n)
    {
        var credential = Ob3Fixtures.Credential(type: "AchievementCredential");
        credential["id"] = $"https://issuer.example/credentials/{n}";
        return credential;
    }

    private static string Achievement(TestKey key, string kid, int n) => Jwt.Sign(key, Ob3Fixtures.Payload(Credential(n)), kid: kid);

    private static JsonObject WithRefresh(JsonObject credential)
    {
        credential["refreshService"] = new JsonObject { ["id"] = "https://issuer.example/refresh", ["type"] = "1EdTechCredentialRefresh" };
        return credential;
    }

    private static JsonObject Clr(params string[] nested)
    {
        var clr = Ob3Fixtures.Credential(type: "ClrCredential");
        clr["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        clr["id"] = "https://issuer.example/clrs/1";
        clr["name"] = "Transcript";
        clr["credentialSubject"] = new JsonObject
        {
            ["id"] = Ob3Fixtures.SubjectId,
            ["type"] = new JsonArray("ClrSubject"),
            ["verifiableCredential"] = new JsonArray([.. nested.Select(n => (JsonNode)JsonValue.Create(n))]),
        };
        return clr;
    }
}
