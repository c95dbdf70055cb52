using static Verifier.Core.Tests.OpenBadges2.Ob2TestIssuer;

namespace Verifier.Core.Tests.OpenBadges2;

/// <summary>Baked images (made by the tests) through the whole engine: unbake, then verify as OB 2.0 / 1.0.</summary>
public class Ob2BakedEngineTests
{
    private const string Svg = """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>""";

    [Fact]
    public async Task VerifyAsync_PngWithSignedJws_IsValid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var png = PngBaker.Bake(TestPng.Plain(), Sign(Assertion(signed: true), issuer.Key));

        var report = await issuer.VerifyAsync(VerificationInput.FromBytes(png), recipient: Email);

        ReportAssert.Valid(report);
        Assert.Equal("png", report.Input.Format);
        Assert.Equal("signed", report.Verification?.Method);
        Assert.Equal("Robotics", report.Badge?.Name);
    }

    [Fact]
    public async Task VerifyAsync_PngWithTamperedJws_IsInvalid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var parts = Sign(Assertion(signed: true), issuer.Key).Split('.');
        var forged = Assertion(signed: true);
        forged["issuedOn"] = "2020-01-01T00:00:00Z";
        var png = PngBaker.Bake(TestPng.Plain(), $"{parts[0]}.{B64(Encoding.UTF8.GetBytes(forged.ToJsonString()))}.{parts[2]}");

        var report = await issuer.VerifyAsync(VerificationInput.FromBytes(png));

        ReportAssert.Has(report, Ob2CheckIds.SignatureVerify, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_PngWithHostedUrl_IsValid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        issuer.Serve(AssertionUrl, Assertion());

        var report = await issuer.VerifyAsync(VerificationInput.FromBytes(PngBaker.Bake(TestPng.Plain(), AssertionUrl)));

        ReportAssert.Valid(report);
        Assert.Equal("hosted", report.Verification?.Method);
    }

    [Fact]
    public async Task VerifyAsync_PngWithHostedJson_VerifiesTheHostedCopy()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var hosted = Assertion();
        hosted["revoked"] = true;
        issuer.Serve(AssertionUrl, hosted);

        var report = await issuer.VerifyAsync(VerificationInput.FromBytes(PngBaker.Bake(TestPng.Plain(), Assertion().ToJsonString())));

        ReportAssert.Has(report, Ob2CheckIds.HostedRevoked, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_V10PngWithTextUrl_IsValid()
    {
        await using var issuer = await StartAsync();
        const string instance = Origin + "/v1/instance";
        issuer.Serve(Origin + "/v1/issuer", new JsonObject { ["name"] = "Old Issuer", ["url"] = Origin });
        issuer.Serve(Origin + "/v1/badge", new JsonObject
        {
            ["name"] = "Basic Badge", ["description"] = "Basic.", ["image"] = Origin + "/v1/i.png", ["criteria"] = Origin + "/v1/c", ["issuer"] = Origin + "/v1/issuer",
        });
        issuer.Serve(instance, new JsonObject
        {
            ["uid"] = "abc123",
            ["recipient"] = new JsonObject { ["identity"] = HashedEmail("learner@example.org", "s"), ["salt"] = "s", ["hashed"] = true, ["type"] = "email" },
            ["badge"] = Origin + "/v1/badge",
            ["issuedOn"] = "2015-04-30",
            ["verify"] = new JsonObject { ["type"] = "hosted", ["url"] = instance },
        });

        var report = await issuer.VerifyAsync(VerificationInput.FromBytes(TestPng.Plain("openbadges", instance)), recipient: "Learner@example.org");

        ReportAssert.Valid(report);
        Assert.Equal("1.0", report.OpenBadgesVersion);
        ReportAssert.Has(report, Ob2CheckIds.Recipient, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_SvgWithHostedUrl_IsValid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        issuer.Serve(AssertionUrl, Assertion());

        var report = await issuer.VerifyAsync(VerificationInput.FromBytes(Encoding.UTF8.GetBytes(SvgBaker.Bake(Svg, AssertionUrl))));

        ReportAssert.Valid(report);
        Assert.Equal("svg", report.Input.Format);
    }

    [Fact]
    public async Task VerifyAsync_SvgWithSignedJws_IsValid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromBytes(Encoding.UTF8.GetBytes(SvgBaker.Bake(Svg, Sign(Assertion(signed: true), issuer.Key)))));

        ReportAssert.Valid(report);
        Assert.Equal("signed", report.Verification?.Method);
    }

    [Fact]
    public async Task VerifyAsync_UrlServingBakedPng_IsValid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        issuer.Server.MapBytes("/badges/1.png", PngBaker.Bake(TestPng.Plain(), Sign(Assertion(signed: true), issuer.Key)), "image/png");

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(Origin + "/badges/1.png")));

        ReportAssert.Valid(report);
    }
}
