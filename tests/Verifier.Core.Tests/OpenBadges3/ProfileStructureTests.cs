namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>
/// One credential, two profiles: a conformance failure is an error under profile=conformance and a warning (class
/// conformance) under the default authenticity profile, with the deployment setting Verifier:Profile choosing.
/// </summary>
public class ProfileStructureTests
{
    [Fact]
    public async Task VerifyAsync_MissingCriteriaUnderConformanceProfile_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var credential = Ob3Fixtures.Credential();
        credential["credentialSubject"]!["achievement"]!.AsObject().Remove("criteria");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid), configure: o => o.Profile = VerificationProfile.Conformance);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("criteria", ReportAssert.Has(report, Ob3CheckIds.Structure, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_MissingCriteriaUnderAuthenticityProfile_IsValidWithConformanceWarning()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var credential = Ob3Fixtures.Credential();
        credential["credentialSubject"]!["achievement"]!.AsObject().Remove("criteria");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal(CheckClass.Conformance, ReportAssert.Has(report, Ob3CheckIds.Structure, CheckOutcome.Warning).Class);
    }

    [Fact]
    public async Task VerifyAsync_WrongContextOrderUnderConformanceProfile_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var credential = Ob3Fixtures.Credential();
        credential["@context"] = new JsonArray("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://www.w3.org/ns/credentials/v2");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid), configure: o => o.Profile = VerificationProfile.Conformance);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.Context, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_WrongContextOrderUnderAuthenticityProfile_IsValidWithConformanceWarning()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var credential = Ob3Fixtures.Credential();
        credential["@context"] = new JsonArray("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://www.w3.org/ns/credentials/v2");

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal(CheckClass.Conformance, ReportAssert.Has(report, Ob3CheckIds.Context, CheckOutcome.Warning).Class);
    }
}
