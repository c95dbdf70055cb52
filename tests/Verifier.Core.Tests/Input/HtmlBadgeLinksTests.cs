namespace Verifier.Core.Tests.Input;

public sealed class HtmlBadgeLinksTests
{
    private static readonly Uri Page = new("https://badges.example/public/assertions/42");

    private static HtmlBadgeLink? Find(string html) => HtmlBadgeLinks.Find(Encoding.UTF8.GetBytes(html), Page);

    [Theory]
    [InlineData("application/ld+json")]
    [InlineData("application/json")]
    [InlineData("application/vc+jwt")]
    [InlineData("APPLICATION/LD+JSON; profile=\"https://w3id.org/openbadges/v2\"")]
    public void Find_LinkAlternateWithJsonType_ResolvedAgainstThePage(string type)
    {
        var link = Find($"<html><head><link rel=\"alternate\" type='{type}' href=\"42.json?v=2_0&amp;x=1\"></head></html>");

        Assert.Equal("https://badges.example/public/assertions/42.json?v=2_0&x=1", link?.Url.AbsoluteUri);
    }

    [Fact]
    public void Find_RelWithSeveralTokensAndUnquotedValues_Found()
    {
        var link = Find("<LINK REL=\"nofollow alternate\" TYPE=application/ld+json HREF=https://badges.example/a/42.json>");

        Assert.Equal("https://badges.example/a/42.json", link?.Url.AbsoluteUri);
    }

    [Fact]
    public void Find_BaseHref_ResolvesAgainstIt()
    {
        var link = Find("<head><base href=\"https://cdn.example/badges/\"><link rel=alternate type=application/json href=42.json></head>");

        Assert.Equal("https://cdn.example/badges/42.json", link?.Url.AbsoluteUri);
    }

    [Theory]
    [InlineData("<script>var s = '<link rel=\"alternate\" type=\"application/json\" href=\"https://evil.example/b.json\">';</script>")]
    [InlineData("<!-- <link rel=\"alternate\" type=\"application/json\" href=\"https://evil.example/b.json\"> -->")]
    [InlineData("<textarea><link rel=\"alternate\" type=\"application/json\" href=\"https://evil.example/b.json\"></textarea>")]
    [InlineData("<title><link rel=\"alternate\" type=\"application/json\" href=\"https://evil.example/b.json\"></title>")]
    [InlineData("<p data-x='<link rel=\"alternate\" type=\"application/json\" href=\"https://evil.example/b.json\">'></p>")]
    public void Find_LinkTextInsideScriptCommentOrAttribute_NotTaken(string html) => Assert.Null(Find("<html><body>" + html + "</body></html>"));

    [Theory]
    [InlineData("<link rel=\"stylesheet\" type=\"application/json\" href=\"a.json\">")]
    [InlineData("<link rel=\"alternate\" type=\"text/html\" href=\"a.html\">")]
    [InlineData("<link rel=\"alternate\" type=\"application/json\" href=\"javascript:alert(1)\">")]
    [InlineData("<link rel=\"alternate\" type=\"application/json\">")]
    [InlineData("<a rel=\"alternate\" type=\"application/json\" href=\"a.json\">")]
    public void Find_NotABadgeLink_Null(string html) => Assert.Null(Find(html));

    [Fact]
    public void Find_MetaOpenBadgesAssertion_FoundWhenNoLink()
    {
        var link = Find("<head><meta property=\"openbadges:assertion\" content=\"https://badges.example/a/42.json\"></head>");

        Assert.Equal("https://badges.example/a/42.json", link?.Url.AbsoluteUri);
        Assert.Contains("meta", link!.How, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_LinkPreferredOverEarlierMeta()
    {
        var link = Find("<meta name=\"openbadges:credential\" content=\"https://badges.example/m.json\"><link rel=alternate type=application/ld+json href=/l.json>");

        Assert.Equal("https://badges.example/l.json", link?.Url.AbsoluteUri);
    }

    [Fact]
    public void Find_LinkBeyondTheWindow_NotRead()
    {
        var html = "<html><body>" + new string('x', HtmlBadgeLinks.Window) + "<link rel=alternate type=application/json href=/late.json></body></html>";

        Assert.Null(Find(html));
    }

    [Theory]
    [InlineData("<")]
    [InlineData("<link")]
    [InlineData("<link rel=\"alternate")]
    [InlineData("<!--")]
    [InlineData("<script>")]
    public void Find_Truncated_NullWithoutThrowing(string html) => Assert.Null(Find(html));
}
