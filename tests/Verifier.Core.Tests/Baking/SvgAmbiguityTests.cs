namespace Verifier.Core.Tests.Baking;

/// <summary>
/// One badge element per SVG, and no badge markup where an XML reader would skip it but a text-matching reader would
/// find it. Each refusal has a genuine twin that is still read.
/// </summary>
public class SvgAmbiguityTests
{
    private const string Ob2 = """xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" xmlns:ob3="https://purl.imsglobal.org/ob/v3p0" """;
    private const string Url = "https://example.org/assertions/1";
    private const string Evil = "https://evil.example/assertions/2";

    [Theory]
    [InlineData($"""<openbadges:assertion verify="{Url}"><openbadges:assertion verify="{Evil}"/></openbadges:assertion>""")]
    [InlineData($"""<openbadges:assertion verify="{Url}"><g><openbadges:assertion verify="{Url}"/></g></openbadges:assertion>""")]
    [InlineData($"""<openbadges:assertion verify="{Url}"><ob3:credential verify="eyJ.eyJ.sig"/></openbadges:assertion>""")]
    [InlineData($"""<ob3:credential><![CDATA[{"{"}"id":"urn:x"{"}"}]]><openbadges:assertion verify="{Url}"/></ob3:credential>""")]
    public void Read_BadgeElementNestedInBadgeElement_IsMalformed(string body)
    {
        var result = Read(body);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("nested", result.Error);
    }

    [Fact]
    public void Read_BadgeElementWithOrdinaryChildElement_IsFound()
    {
        var result = Read($"""<openbadges:assertion verify="{Url}"><desc>baked badge</desc></openbadges:assertion>""");

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal(Url, result.Payload);
    }

    [Fact]
    public void Read_Ob2AssertionAndOb3CredentialWithDifferentPayloads_IsMalformed() =>
        Assert.Equal(UnbakeStatus.Malformed, Read($"""<openbadges:assertion verify="{Url}"/><ob3:credential verify="eyJ.eyJ.sig"/>""").Status);

    [Fact]
    public void Read_SecondBadgeElementEmpty_IsMalformed()
    {
        var result = Read($"""<openbadges:assertion verify="{Url}"/><openbadges:assertion/>""");

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("second badge element", result.Error);
    }

    [Theory]
    [InlineData($"""<!-- <openbadges:assertion verify="{Evil}"/> --><openbadges:assertion verify="{Url}"/>""")]
    [InlineData($"""<openbadges:assertion verify="{Url}"/><desc>&lt;openbadges:assertion verify="{Evil}"/&gt;</desc>""")]
    [InlineData($"""<openbadges:assertion verify="{Url}"/><desc><![CDATA[<openbadges:credential verify="eyJ.eyJ.sig"/>]]></desc>""")]
    [InlineData($"""<openbadges:assertion verify="{Url}"><!-- openbadges:assertion verify="{Evil}" --></openbadges:assertion>""")]
    [InlineData($"""<?badge <openbadges:assertion verify="{Evil}"/> ?><openbadges:assertion verify="{Url}"/>""")]
    public void Read_BadgeMarkupOutsideAnElement_IsMalformed(string body)
    {
        var result = Read(body);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("markup", result.Error);
    }

    [Theory]
    [InlineData($"""<?xml version="1.0"?><!-- <openbadges:assertion verify="{Evil}"/> --><svg {Ob2}><openbadges:assertion verify="{Url}"/></svg>""")]
    [InlineData($"""<svg {Ob2}><openbadges:assertion verify="{Url}"/></svg><!-- <openbadges:assertion verify="{Evil}"/> -->""")]
    public void Read_BadgeMarkupInCommentBeforeOrAfterTheRoot_IsMalformed(string svg)
    {
        var result = SvgBadgeReader.Read(Encoding.UTF8.GetBytes(svg));

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("comment", result.Error);
    }

    [Fact]
    public void Read_OrdinaryPrologComment_IsIgnored()
    {
        var result = SvgBadgeReader.Read(Encoding.UTF8.GetBytes($"""<?xml version="1.0"?><!-- Generator: an editor --><svg {Ob2}><openbadges:assertion verify="{Url}"/></svg>"""));

        Assert.Equal(Url, result.Payload);
    }

    [Fact]
    public void Read_OrdinaryCommentsAndText_AreIgnored()
    {
        var result = Read($"""<!-- Created with an editor --><text>Open Badges</text><openbadges:assertion verify="{Url}"><!-- baked --></openbadges:assertion>""");

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal(Url, result.Payload);
        Assert.Empty(result.Warnings);
    }

    private static UnbakeResult Read(string body) => SvgBadgeReader.Read(Encoding.UTF8.GetBytes($"<svg {Ob2}>{body}</svg>"));
}
