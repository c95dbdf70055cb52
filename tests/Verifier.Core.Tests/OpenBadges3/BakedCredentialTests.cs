using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>VC-JWTs baked into images reach the OB 3.0 verifier through the input resolver (OB 3.0 §5.3).</summary>
public class BakedCredentialTests
{
    [Fact]
    public async Task VerifyAsync_JwtBakedInPng_IsValid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var jwt = Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid);
        using var image = new Image<Rgba32>(8, 8);
        using var png = new MemoryStream();
        await image.SaveAsPngAsync(png);

        var report = await VerifyBytesAsync(f, PngBaker.Bake(png.ToArray(), jwt, PngBadgeReader.OpenBadgeCredentialKeyword));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Passed);
        Assert.Equal("png", report.Input.Format);
    }

    [Fact]
    public async Task VerifyAsync_TamperedJwtBakedInSvg_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Ed25519());
        var jwt = Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid);
        var other = Ob3Fixtures.Payload(Ob3Fixtures.Credential());
        other["name"] = "Forged";
        const string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\"/></svg>";

        var report = await VerifyBytesAsync(f, SvgBaker.Bake(System.Text.Encoding.UTF8.GetBytes(svg), Jwt.WithPayload(jwt, other), openBadges3: true));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
    }

    private static async Task<VerificationReport> VerifyBytesAsync(Ob3Fixtures f, byte[] bytes)
    {
        using var sp = f.Build();
        return await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(bytes) });
    }
}
