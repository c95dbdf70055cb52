namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>Values at the edges of their ranges are results, never an internal error.</summary>
public class EdgeInputTests
{
    [Fact]
    public async Task VerifyAsync_DatesAtCalendarEdges_AreJudgedWithoutOverflow()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var credential = Ob3Fixtures.Credential(validFrom: "0001-01-01T00:00:00Z", validUntil: "9999-12-31T23:59:59Z");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.ValidUntil, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_UnsignedVerifiablePresentation_NamedNotACredential()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var presentation = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiablePresentation"),
            ["verifiableCredential"] = new JsonArray(Ob3Fixtures.Credential()),
        };

        var report = await f.VerifyAsync(presentation.ToJsonString());

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("VerifiablePresentation carrying 1 credential", ReportAssert.Has(report, Ob3CheckIds.Parse, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Checks, c => c.Id == Ob3CheckIds.Proof);
    }

    [Fact]
    public async Task VerifyAsync_AsOfEndOfCalendar_IsExpiredNotCrashed()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var jwt = Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential(validUntil: "2030-01-01T00:00:00Z")), kid: kid);
        using var sp = f.Build();

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(jwt), At = DateTimeOffset.MaxValue });

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.ValidUntil, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_NumericDateOutOfRange_IsAClaimError()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var payload = Ob3Fixtures.Payload(Ob3Fixtures.Credential());
        payload["nbf"] = 1e300;
        payload["exp"] = -1e300;

        var report = await f.VerifyAsync(Jwt.Sign(key, payload, kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtClaims, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_HugeStatusListIndex_IsOutOfRange()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var list = f.HostStatusListJwt(key, kid, "/status/1", "revocation", Ob3Fixtures.EncodedList(131_072));
        var credential = Ob3Fixtures.Credential();
        credential["credentialStatus"] = new JsonObject
        {
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "9223372036854775807",
            ["statusListCredential"] = list,
        };

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.Status, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":\"VerifiableCredential\",\"issuer\":5,\"credentialSubject\":[1,2],\"credentialStatus\":\"x\",\"proof\":[]}")]
    [InlineData("{\"@context\":[{\"x\":1}],\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"],\"issuer\":{\"id\":[]},\"credentialSubject\":{\"identifier\":[\"a\"],\"achievement\":{\"criteria\":3,\"image\":7}},\"endorsement\":[1],\"endorsementJwt\":[\"x.y.z\"],\"refreshService\":\"r\",\"credentialSchema\":[\"s\"]}")]
    public async Task VerifyAsync_OddlyShapedCredential_IsJudgedWithoutInternalError(string json)
    {
        await using var f = await Ob3Fixtures.StartAsync();

        var report = await f.VerifyAsync(json);

        Assert.DoesNotContain(report.Checks, c => c.Id == BadgeVerifier.EngineCheckId);
        Assert.NotEqual(VerificationOutcome.Valid, report.Outcome);
    }
}
