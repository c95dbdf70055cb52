namespace Verifier.Core.Tests.Baking;

/// <summary>Baked images through the real engine: the input.unbake check and the report's input section.</summary>
public class UnbakeThroughEngineTests
{
    [Fact]
    public async Task VerifyAsync_PngWithoutBadge_FailsUnbake()
    {
        var report = await VerifyAsync(TestPng.Plain());

        Assert.Equal(VerificationOutcome.Invalid, report.Outcome);
        Assert.Equal("png", report.Input.Format);
        Assert.Contains(report.Checks, c => c.Id == InputResolver.Ids.Unbake && c.Outcome == CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_TruncatedPng_FailsUnbakeWithTruncation()
    {
        var png = PngBaker.Bake(TestPng.Plain(), "https://example.org/a/1");

        var report = await VerifyAsync(png[..^20]);

        var check = Assert.Single(report.Checks, c => c.Id == InputResolver.Ids.Unbake);
        Assert.Equal(CheckOutcome.Failed, check.Outcome);
        Assert.Contains("truncated", check.Message);
    }

    [Fact]
    public async Task VerifyAsync_LegacyTextUrl_PassesUnbakeAndRecordsLocation()
    {
        var png = TestPng.Start().Text("openbadges", "http://a.com/instance").Image().End().ToArray();

        var report = await VerifyAsync(png);

        Assert.Contains(report.Checks, c => c.Id == InputResolver.Ids.Unbake && c.Outcome == CheckOutcome.Passed && c.Subject == "png:tEXt:openbadges");
        Assert.Equal("png:tEXt:openbadges", report.Input.EmbeddedIn);
        Assert.Equal("url", report.Input.PayloadKind);
    }

    [Fact]
    public async Task VerifyAsync_SecondBadgeChunkWithTheSamePayload_IsAWarningInTheReport()
    {
        var png = TestPng.Start().Itxt("openbadges", "https://example.org/first").Itxt("openbadges", "https://example.org/first").Image().End().ToArray();

        var report = await VerifyAsync(png);

        Assert.Contains(report.Checks, c => c.Id == InputResolver.Ids.Unbake && c.Outcome == CheckOutcome.Warning);
        Assert.True(report.WarningCount >= 1);
    }

    [Fact]
    public async Task VerifyAsync_SecondBadgeChunkWithAnotherPayload_FailsUnbake()
    {
        var png = TestPng.Start().Itxt("openbadges", "https://example.org/first").Itxt("openbadges", "https://example.org/second").Image().End().ToArray();

        var report = await VerifyAsync(png);

        Assert.Equal(VerificationOutcome.Invalid, report.Outcome);
        Assert.Contains(report.Checks, c => c.Id == InputResolver.Ids.Unbake && c.Outcome == CheckOutcome.Failed && c.Message.Contains("two different badges", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_SvgWithExternalEntity_FailsUnbakeWithoutReadingTheFile()
    {
        var secret = $"secret-{Guid.NewGuid():N}";
        var path = Path.Combine(Path.GetTempPath(), $"xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, secret);
        try
        {
            var svg = $"""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "{new Uri(path).AbsoluteUri}">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion>&xxe;</openbadges:assertion></svg>""";

            var report = await VerifyAsync(System.Text.Encoding.UTF8.GetBytes(svg));

            Assert.Equal(VerificationOutcome.Invalid, report.Outcome);
            Assert.Contains(report.Checks, c => c.Id == InputResolver.Ids.Unbake && c.Outcome == CheckOutcome.Failed);
            Assert.DoesNotContain(secret, ReportJson.Serialize(report));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<VerificationReport> VerifyAsync(byte[] bytes)
    {
        using var sp = EngineFactory.Build();
        return await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(bytes) });
    }
}
