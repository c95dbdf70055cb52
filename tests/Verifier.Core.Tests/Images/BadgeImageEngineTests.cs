using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Verifier.Core.Tests.Images;

/// <summary>The badge image is looked at and named, and never decides whether a badge is genuine.</summary>
public sealed class BadgeImageEngineTests
{
    [Fact]
    public async Task Ob3_AchievementImagePng_Passed()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        f.Server.MapBytes("/badge.png", TestPng.Plain(), "image/png");

        var report = await f.VerifyAsync(Token(f, $"https://{Ob3Fixtures.Host}/badge.png"));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Contains("PNG (1×1)", ReportAssert.Has(report, Ob3CheckIds.Image, CheckOutcome.Passed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ob3_AchievementImageJpeg_WarningUnderEveryProfile()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        f.Server.MapBytes("/badge.jpg", Jpeg(), "image/jpeg");

        var report = await f.VerifyAsync(Token(f, $"https://{Ob3Fixtures.Host}/badge.jpg"), configure: o => o.Profile = VerificationProfile.Conformance);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal(CheckClass.Essential, ReportAssert.Has(report, Ob3CheckIds.Image, CheckOutcome.Warning).Class);
    }

    [Fact]
    public async Task Ob3_AchievementImageUnreachable_WarningAndStillValid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        f.Server.MapStatus("/badge.png", 503);

        var report = await f.VerifyAsync(Token(f, $"https://{Ob3Fixtures.Host}/badge.png"));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Image, CheckOutcome.Warning);
    }

    [Fact]
    public async Task Ob3_AchievementImageDataUri_IdentifiedWithoutFetching()
    {
        await using var f = await Ob3Fixtures.StartAsync();

        var report = await f.VerifyAsync(Token(f, "data:image/png;base64," + Convert.ToBase64String(TestPng.Plain())));

        ReportAssert.Has(report, Ob3CheckIds.Image, CheckOutcome.Passed);
    }

    [Fact]
    public async Task Ob2_BadgeClassImageJpeg_WarningUnderAuthenticityErrorUnderConformance()
    {
        await using var issuer = await Ob2TestIssuer.StartAsync();
        issuer.Publish();
        issuer.Serve(Ob2TestIssuer.AssertionUrl, Ob2TestIssuer.Assertion());
        issuer.Server.MapBytes("/badge.png", Jpeg(), "image/jpeg");

        var byDefault = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(Ob2TestIssuer.AssertionUrl)), recipient: Ob2TestIssuer.Email);
        var forCi = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(Ob2TestIssuer.AssertionUrl)), recipient: Ob2TestIssuer.Email, profile: VerificationProfile.Conformance);

        Assert.Equal(VerificationOutcome.Valid, byDefault.Outcome);
        Assert.Contains(byDefault.Checks, c => c.Id == Ob2CheckIds.Image && c.Outcome == CheckOutcome.Warning && c.Class == CheckClass.Conformance);
        Assert.Equal(VerificationOutcome.Invalid, forCi.Outcome);
        Assert.Contains(forCi.Checks, c => c.Id == Ob2CheckIds.Image && c.Outcome == CheckOutcome.Failed);
    }

    [Fact]
    public async Task Ob2_BadgeClassImagePng_Passed()
    {
        await using var issuer = await Ob2TestIssuer.StartAsync();
        issuer.Publish();
        issuer.Serve(Ob2TestIssuer.AssertionUrl, Ob2TestIssuer.Assertion());
        issuer.Server.MapBytes("/badge.png", TestPng.Plain(), "image/png");

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(Ob2TestIssuer.AssertionUrl)));

        Assert.Contains(report.Checks, c => c.Id == Ob2CheckIds.Image && c.Outcome == CheckOutcome.Passed);
    }

    private static string Token(Ob3Fixtures f, string image)
    {
        var (key, kid) = f.PublishKey(TestKey.P256());
        var credential = Ob3Fixtures.Credential();
        credential["credentialSubject"]!["achievement"]!["image"] = new JsonObject { ["id"] = image, ["type"] = "Image" };
        return Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid);
    }

    private static byte[] Jpeg()
    {
        using var image = new Image<Rgba32>(2, 2);
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }
}
