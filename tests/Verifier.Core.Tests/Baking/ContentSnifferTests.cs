namespace Verifier.Core.Tests.Baking;

public class ContentSnifferTests
{
    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"/>""")]
    [InlineData("""  <?xml version="1.0"?><!-- made by hand --><svg xmlns="http://www.w3.org/2000/svg"></svg>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>""")]
    [InlineData("""<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>""")]
    [InlineData("""<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg>&xxe;</svg>""")]
    public void Sniff_SvgDocuments_AreSvg(string text)
    {
        Assert.Equal(SniffedFormat.Svg, ContentSniffer.Sniff(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("""<html><body><svg xmlns="http://www.w3.org/2000/svg"/></body></html>""")]
    [InlineData("""<!-- <svg> --><feed/>""")]
    [InlineData("""<svgfoo/>""")]
    [InlineData("""<?xml version="1.0"?>""")]
    public void Sniff_OtherMarkup_IsUnknown(string text)
    {
        Assert.Equal(SniffedFormat.Unknown, ContentSniffer.Sniff(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Sniff_PngSignature_IsPng()
    {
        Assert.Equal(SniffedFormat.Png, ContentSniffer.Sniff(TestPng.Plain()));
        Assert.Equal(SniffedFormat.Unknown, ContentSniffer.Sniff(TestPng.Plain().AsSpan(0, 4)));
    }

    [Theory]
    [InlineData("\uFEFF  {\"a\":1}", SniffedFormat.Json)]
    [InlineData("https://example.org/assertions/1\n", SniffedFormat.Url)]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpZCI6MX0.c2ln\r\n", SniffedFormat.Jws)]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpZCI6MX0.", SniffedFormat.Jws)]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpZCI6MX0", SniffedFormat.Unknown)]
    [InlineData("eyJ.a.b.c", SniffedFormat.Unknown)]
    [InlineData("ftp://example.org/a", SniffedFormat.Unknown)]
    [InlineData("hello world", SniffedFormat.Unknown)]
    [InlineData("   ", SniffedFormat.Unknown)]
    public void Sniff_Text_IsClassified(string text, SniffedFormat expected)
    {
        Assert.Equal(expected, ContentSniffer.Sniff(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Sniff_LargeCompactJws_IsStillJws()
    {
        var payload = new string('A', 300_000);
        Assert.Equal(SniffedFormat.Jws, ContentSniffer.Sniff(Encoding.ASCII.GetBytes($"eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln")));
    }

    [Fact]
    public void Unbake_DispatchesOnContent_NotOnAnythingElse()
    {
        Assert.Equal(UnbakeStatus.NoBadge, BadgeUnbaker.Unbake(TestPng.Plain()).Status);
        Assert.Equal(UnbakeStatus.NoBadge, BadgeUnbaker.Unbake("""<svg xmlns="http://www.w3.org/2000/svg"/>"""u8).Status);
        Assert.Equal(UnbakeStatus.Malformed, BadgeUnbaker.Unbake("""{"a":1}"""u8).Status);
    }
}
