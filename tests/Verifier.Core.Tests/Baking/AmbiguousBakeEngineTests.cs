namespace Verifier.Core.Tests.Baking;

/// <summary>
/// One badge per image, end to end: a genuine did:key VC-JWT baked into a PNG or SVG verifies; the same image with a
/// second, different badge hidden where a careless reader would find it is refused at input.unbake.
/// </summary>
public class AmbiguousBakeEngineTests
{
    [Fact]
    public async Task VerifyAsync_PngWithJunkAfterIend_IsValidWithWarning()
    {
        using var key = TestKey.Ed25519();
        byte[] png = [.. PngBaker.Bake(TestPng.Plain(), Credential(key, "Teamwork"), PngBadgeReader.OpenBadgeCredentialKeyword), .. "editor metadata"u8];

        var report = await VerifyAsync(png);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Contains(report.Checks, c => c.Id == InputResolver.Ids.Unbake && c.Outcome == CheckOutcome.Warning && c.Message.Contains("15 byte(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_PngWithSecondBadgeAfterIend_FailsUnbake()
    {
        using var key = TestKey.Ed25519();
        var genuine = PngBaker.Bake(TestPng.Plain(), Credential(key, "Teamwork"), PngBadgeReader.OpenBadgeCredentialKeyword);
        var other = PngBaker.Bake(TestPng.Plain(), Credential(key, "Rocket Science"), PngBadgeReader.OpenBadgeCredentialKeyword);

        var report = await VerifyAsync([.. genuine, .. other]);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("a second badge after IEND", ReportAssert.Has(report, InputResolver.Ids.Unbake, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_SvgWithTheSameCredentialTwice_IsValidWithWarning()
    {
        using var key = TestKey.Ed25519();
        var jwt = Credential(key, "Teamwork");

        var report = await VerifyAsync(Svg($"""<openbadges:credential verify="{jwt}"/><g><openbadges:credential verify="{jwt}"/></g>"""));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, InputResolver.Ids.Unbake, CheckOutcome.Warning);
    }

    [Fact]
    public async Task VerifyAsync_SvgWithCredentialNestedInCredential_FailsUnbake()
    {
        using var key = TestKey.Ed25519();

        var report = await VerifyAsync(Svg($"""<openbadges:credential verify="{Credential(key, "Teamwork")}"><openbadges:credential verify="{Credential(key, "Rocket Science")}"/></openbadges:credential>"""));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("nested", ReportAssert.Has(report, InputResolver.Ids.Unbake, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    private static string Credential(TestKey key, string name)
    {
        var credential = Ob3Fixtures.Credential(issuerId: key.DidKey);
        credential["name"] = name;
        return Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: key.DidKeyUrl);
    }

    private static byte[] Svg(string body) => Encoding.UTF8.GetBytes(
        $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{SvgBadgeReader.OpenBadges3Namespace}"><circle r="4"/>{body}</svg>""");

    private static async Task<VerificationReport> VerifyAsync(byte[] image)
    {
        using var sp = EngineFactory.Build();
        return await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(image) });
    }
}
