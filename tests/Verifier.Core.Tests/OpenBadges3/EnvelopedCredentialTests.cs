namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>
/// VCDM 2.0 EnvelopedVerifiableCredential: the VC-JWT in the data: URL is verified as if submitted; the unsigned shell
/// contributes nothing (a name written on the shell never reaches the report); envelopes of other media types are named.
/// </summary>
public class EnvelopedCredentialTests
{
    private static string Envelope(string data, string mediaType = "application/vc+jwt", JsonObject? extra = null)
    {
        var shell = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = $"data:{mediaType},{data}",
            ["type"] = "EnvelopedVerifiableCredential",
        };
        foreach (var (name, value) in extra ?? [])
        {
            shell[name] = value?.DeepClone();
        }

        return shell.ToJsonString();
    }

    [Fact]
    public async Task VerifyAsync_EnvelopedVcJwt_IsVerifiedAsTheTokenInside()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var jwt = Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid);

        var report = await f.VerifyAsync(Envelope(jwt));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Envelope, CheckOutcome.Passed);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Passed);
        Assert.Equal("Teamwork", report.Badge?.Name);
    }

    [Fact]
    public async Task VerifyAsync_ShellClaimsAnotherAchievement_ReportShowsOnlyTheSignedOne()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var jwt = Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid);
        var spoof = new JsonObject
        {
            ["name"] = "Doctor of Medicine",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:mallory", ["achievement"] = new JsonObject { ["name"] = "Doctor of Medicine" } },
        };

        var report = await f.VerifyAsync(Envelope(jwt, extra: spoof));

        Assert.Equal("Teamwork", report.Badge?.Name);
        Assert.Equal(Ob3Fixtures.SubjectId, report.Badge?.Recipient);
        Assert.DoesNotContain("Doctor of Medicine", JsonSerializer.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_EnvelopedTokenChangedAfterSigning_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var credential = Ob3Fixtures.Credential();
        var jwt = Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid);
        credential["credentialSubject"]!["achievement"]!["name"] = "Rocket Science";

        var report = await f.VerifyAsync(Envelope(Jwt.WithPayload(jwt, Ob3Fixtures.Payload(credential))));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_Base64DataUrl_IsReadToo()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var jwt = Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid);

        var report = await f.VerifyAsync(Envelope(Convert.ToBase64String(Encoding.UTF8.GetBytes(jwt)), "application/vc+jwt;base64"));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
    }

    [Theory]
    [InlineData("application/vc+sd-jwt", "SD-JWT")]
    [InlineData("application/vc+cose", "COSE")]
    [InlineData("text/plain", "text/plain")]
    public async Task VerifyAsync_EnvelopeOfAnotherMediaType_IsNamedAndInvalid(string mediaType, string named)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var jwt = Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid);

        var report = await f.VerifyAsync(Envelope(jwt, mediaType));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains(named, ReportAssert.Has(report, Ob3CheckIds.Envelope, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_EnvelopeWithoutDataUrl_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();

        var report = await f.VerifyAsync(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = "https://issuer.example/credentials/42",
            ["type"] = "EnvelopedVerifiableCredential",
        }.ToJsonString());

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.Envelope, CheckOutcome.Failed);
    }
}
