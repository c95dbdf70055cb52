using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;

namespace Verifier.Core.Tests.OpenBadges2;

public class Ob2JsonTests
{
    [Theory]
    [InlineData("https://example.org/a.json", true)]
    [InlineData("urn:uuid:a953081a-4bbd-4927-9653-7219bca00e3b", true)]
    [InlineData("http://example.org:8080/a?b=c#d", true)]
    [InlineData("https://exämple.org/ä", true)]
    [InlineData("/relative/path", false)]
    [InlineData("relative/path", false)]
    [InlineData("1http://x", false)]
    [InlineData("", false)]
    public void IsIri_RequiresAnExplicitScheme(string value, bool expected) => Assert.Equal(expected, IriSyntax.IsIri(value));

    [Theory]
    [InlineData("https://example.org", true)]
    [InlineData("HTTP://example.org/a", true)]
    [InlineData("https://example.org:8443/a", true)]
    [InlineData("https://[::1]/a", true)]
    [InlineData("ftp://example.org/a", false)]
    [InlineData("https:///a", false)]
    [InlineData("https://", false)]
    [InlineData("urn:uuid:1", false)]
    [InlineData("https://exa mple.org/", false)]
    public void IsHttpUrl_NeedsHttpSchemeAndHost(string value, bool expected) => Assert.Equal(expected, IriSyntax.IsHttpUrl(value));

    [Fact]
    public void ParseObject_DuplicatePropertyName_IsInvalid() =>
        Assert.Null(JsonRead.ParseObject("""{"id":"https://a.example/1","id":"https://b.example/1"}"""));

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":1} trailing")]
    [InlineData("{\"a\":")]
    [InlineData("{/*c*/\"a\":1}")]
    public void ParseObject_NotASingleObject_IsNull(string json) => Assert.Null(JsonRead.ParseObject(json));

    [Fact]
    public void ParseObject_ValuesKeepTheirKinds()
    {
        var node = JsonRead.ParseObject("\uFEFF{\"s\":\"x\",\"n\":1500423730,\"b\":true,\"z\":null,\"a\":[\"p\",{\"q\":false}],\"o\":{\"k\":\"v\"}}")!;

        Assert.Equal("x", JsonRead.String(node, "s"));
        Assert.Equal("1500423730", node["n"]!.ToJsonString());
        Assert.True(JsonRead.Boolean(node, "b"));
        Assert.Null(node["z"]);
        Assert.Equal(["p"], JsonRead.Strings(node["a"]));
        Assert.False(JsonRead.Boolean((System.Text.Json.Nodes.JsonObject)node["a"]![1]!, "q"));
        Assert.Equal("v", JsonRead.String((System.Text.Json.Nodes.JsonObject)node["o"]!, "k"));
    }

    [Fact]
    public void ParseObject_TooDeep_IsNull()
    {
        var deep = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            deep.Append("{\"a\":");
        }

        deep.Append('1').Append('}', 100);
        Assert.Null(JsonRead.ParseObject(deep.ToString()));
    }

    [Fact]
    public void ParsedDocumentCache_SameBytes_ReusesTheNodeAndChangedBytes_Reparse()
    {
        var cache = new ParsedDocumentCache();
        var first = cache.GetOrParse("https://i.example/i", """{"id":"https://i.example/i"}"""u8)!;
        var again = cache.GetOrParse("https://i.example/i", """{"id":"https://i.example/i"}"""u8)!;
        var changed = cache.GetOrParse("https://i.example/i", """{"id":"https://i.example/other"}"""u8)!;

        Assert.Same(first.Node, again.Node);
        Assert.NotSame(first.Node, changed.Node);
        Assert.Equal("https://i.example/other", JsonRead.String(changed.Node, "id"));
        Assert.Null(cache.GetOrParse("https://i.example/bad", "not json"u8));
    }

    [Fact]
    public void ParsedDocumentCache_ValidationIsMemoizedPerKind()
    {
        var entry = new ParsedDocumentCache().GetOrParse("https://i.example/k", """{"id":"https://i.example/k"}"""u8)!;
        var runs = 0;

        entry.Issues("key", n => { runs++; return Verifier.Core.OpenBadges2.Checks.StructureValidator.CryptographicKey(n); });
        entry.Issues("key", n => { runs++; return Verifier.Core.OpenBadges2.Checks.StructureValidator.CryptographicKey(n); });

        Assert.Equal(1, runs);
    }
}
