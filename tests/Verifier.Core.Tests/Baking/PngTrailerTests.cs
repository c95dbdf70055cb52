namespace Verifier.Core.Tests.Baking;

/// <summary>Bytes after IEND: a badge keyword there is refused, anything else is reported as ignored.</summary>
public class PngTrailerTests
{
    private const string Url = "https://example.org/assertions/1";

    private static byte[] Baked() => TestPng.Start().Itxt("openbadges", Url).Image().End().ToArray();

    public static TheoryData<string, byte[]> HiddenBadges => new()
    {
        { "iTXt chunk", TestPng.Start().Itxt("openbadges", "https://evil.example/2").ToArray()[(TestPng.Signature.Length + 25)..] },
        { "tEXt chunk", Encoding.ASCII.GetBytes("\0\0\0\u0020tEXtopenbadges\0https://evil.example/2") },
        { "whole second PNG", TestPng.Start().Itxt("openbadgecredential", "eyJ.eyJ.sig").Image().End().ToArray() },
        { "broken chunk, bad length and CRC", Encoding.ASCII.GetBytes("\u00ff\u00ff\u00ff\u00ffiTXtclrcredential\0\0\0\0\0{}") },
        { "keyword at an odd offset", Encoding.ASCII.GetBytes("xyz openbadges\0https://evil.example/2") },
    };

    [Theory]
    [MemberData(nameof(HiddenBadges))]
    public void Read_BadgeKeywordAfterIend_IsMalformed(string what, byte[] trailer)
    {
        _ = what;

        var result = PngBadgeReader.Read([.. Baked(), .. trailer]);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Null(result.Payload);
        Assert.Contains("a second badge after IEND", result.Error);
    }

    [Fact]
    public void Read_BadgeOnlyAfterIend_IsMalformedNotNoBadge()
    {
        byte[] png = [.. TestPng.Plain(), .. TestPng.Start().Itxt("openbadges", Url).Image().End().ToArray()];

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("a badge hidden after IEND", result.Error);
    }

    [Theory]
    [InlineData("see https://openbadges.org for details")]
    [InlineData("OpenBadges\0is not the case-sensitive keyword")]
    public void Read_TrailerWithoutKeywordAndNul_IsFoundWithWarning(string trailer)
    {
        var result = PngBadgeReader.Read([.. Baked(), .. Encoding.ASCII.GetBytes(trailer)]);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal(Url, result.Payload);
        Assert.Contains($"{trailer.Length} byte(s) after the IEND chunk", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Read_SecondPlainPngAfterIend_IsFoundWithWarning()
    {
        var result = PngBadgeReader.Read([.. Baked(), .. TestPng.Plain()]);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Read_NoTrailer_HasNoWarning() => Assert.Empty(PngBadgeReader.Read(Baked()).Warnings);

    [Fact]
    public void Read_IendWithData_IsMalformed()
    {
        var png = TestPng.Start().Itxt("openbadges", Url).Image().Chunk("IEND", Encoding.ASCII.GetBytes("\0\0\0\u0020iTXtopenbadges\0\0\0\0\0https://evil.example/2")).ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("IEND", result.Error);
    }
}
