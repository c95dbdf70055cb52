namespace Verifier.Core.Tests.Baking;

public class SvgBakerTests
{
    private const string Plain = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">
          <circle cx="5" cy="5" r="4" fill="#5555ff"/>
        </svg>
        """;

    private const string Json = """{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/assertions/1","name":"a ]]> b & <c>"}""";

    [Theory]
    [InlineData("https://example.org/assertions/1")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl")]
    public void Bake_UrlOrJws_GoesInVerifyAttributeAndRoundTrips(string payload)
    {
        var baked = SvgBaker.Bake(Plain, payload);

        var result = Unbake(baked);
        Assert.Equal(payload, result.Payload);
        Assert.Equal("svg:openbadges:assertion@verify", result.Location);
        Assert.Contains($"<openbadges:assertion verify=\"{payload}\"/>", baked);
    }

    [Fact]
    public void Bake_Json_GoesInCdataWithIdInVerify_AndRoundTripsIncludingCdataTerminator()
    {
        var baked = SvgBaker.Bake(Plain, Json);

        var result = Unbake(baked);
        Assert.Equal(Json, result.Payload);
        Assert.Equal("svg:openbadges:assertion#cdata", result.Location);
        Assert.Empty(result.Warnings);
        Assert.Contains("verify=\"https://example.org/assertions/1\"", baked);
    }

    [Fact]
    public void Bake_PlacesElementRightAfterSvgStartTag_AndKeepsEverythingElse()
    {
        var baked = SvgBaker.Bake(Plain, "https://example.org/assertions/1");

        const string expected = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/assertions/1"/>
              <circle cx="5" cy="5" r="4" fill="#5555ff"/>
            </svg>
            """;
        Assert.Equal(expected, baked);
    }

    [Fact]
    public void Bake_AlreadyBaked_ReplacesTheExistingElement()
    {
        var once = SvgBaker.Bake(Plain.Replace("\n", "\r\n", StringComparison.Ordinal), Json);

        var twice = SvgBaker.Bake(once, "https://example.org/assertions/2");

        var result = Unbake(twice);
        Assert.Equal("https://example.org/assertions/2", result.Payload);
        Assert.Empty(result.Warnings);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(twice, "<openbadges:assertion"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(twice, "xmlns:openbadges"));
        Assert.Contains("<circle cx=\"5\"", twice);
    }

    [Fact]
    public void Bake_ExistingElementWithOtherPrefixDeepInDocument_IsReplaced()
    {
        const string svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org">
              <g><g>
                <ob:assertion verify="https://example.org/old">
                  <![CDATA[ {"id":"https://example.org/old"} ]]>
                </ob:assertion>
              </g></g>
            </svg>
            """;

        var baked = SvgBaker.Bake(svg, "https://example.org/new");

        Assert.DoesNotContain("example.org/old", baked);
        Assert.Equal("https://example.org/new", Unbake(baked).Payload);
    }

    [Fact]
    public void Bake_OpenBadges3Json_UsesCredentialElementWithoutVerify()
    {
        const string vc = """{"@context":["https://www.w3.org/ns/credentials/v2"],"id":"https://example.org/c/1","type":["VerifiableCredential","OpenBadgeCredential"]}""";

        var baked = SvgBaker.Bake(Plain, vc, openBadges3: true);

        var result = Unbake(baked);
        Assert.Equal(vc, result.Payload);
        Assert.Equal(BadgeFamily.OpenBadges3, result.Family);
        Assert.Equal("svg:openbadges:credential#cdata", result.Location);
        Assert.DoesNotContain("verify=", baked);
        Assert.Contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"", baked);
    }

    [Fact]
    public void Bake_RootBindsPrefixToOtherNamespace_ElementDeclaresItsOwn()
    {
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e319.c2ln"/></svg>""";

        var baked = SvgBaker.Bake(svg, "https://example.org/assertions/1");

        // The 3.0 credential is replaced too (two different badges would be refused); the root still binds the
        // prefix to the 3.0 namespace, so the new element declares its own.
        var result = Unbake(baked);
        Assert.Equal("https://example.org/assertions/1", result.Payload);
        Assert.Equal("svg:openbadges:assertion@verify", result.Location);
        Assert.Empty(result.Warnings);
        Assert.DoesNotContain("openbadges:credential", baked, StringComparison.Ordinal);
        Assert.Contains("<openbadges:assertion xmlns:openbadges=\"http://openbadges.org\"", baked);
    }

    [Fact]
    public void Bake_SelfClosingSvg_OpensItAndInsertsElement()
    {
        var baked = SvgBaker.Bake("""<svg xmlns="http://www.w3.org/2000/svg" width="1" />""", "https://example.org/assertions/1");

        Assert.Equal("""<svg xmlns="http://www.w3.org/2000/svg" width="1" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/assertions/1"/></svg>""", baked);
        Assert.Equal("https://example.org/assertions/1", Unbake(baked).Payload);
    }

    [Fact]
    public void Bake_AttributeWithQuotesAndAngleBrackets_FindsRealEndOfStartTag()
    {
        const string svg = """<svg xmlns="http://www.w3.org/2000/svg" data-x='a > b "c"'><rect/></svg>""";

        var baked = SvgBaker.Bake(svg, "https://example.org/assertions/1");

        Assert.StartsWith("""<svg xmlns="http://www.w3.org/2000/svg" data-x='a > b "c"' xmlns:openbadges""", baked);
        Assert.Equal("https://example.org/assertions/1", Unbake(baked).Payload);
    }

    [Fact]
    public void Bake_Utf8BytesWithBom_KeepsBom()
    {
        byte[] svg = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Plain)];

        var baked = SvgBaker.Bake(svg, "https://example.org/assertions/1");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, baked[..3]);
        Assert.Equal("https://example.org/assertions/1", SvgBadgeReader.Read(baked).Payload);
    }

    [Theory]
    [InlineData("""<html><body/></html>""")]
    [InlineData("""<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><g></svg>""")]
    public void TryBake_UnbakeableSvg_FailsWithReason(string svg)
    {
        Assert.False(SvgBaker.TryBake(svg, "https://example.org/a", openBadges3: false, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryBake_PayloadThatIsNoBadge_Fails()
    {
        Assert.False(SvgBaker.TryBake(Plain, "just some words", openBadges3: false, out _, out var error));
        Assert.Contains("not JSON", error);
    }

    private static UnbakeResult Unbake(string svg) => SvgBadgeReader.Read(System.Text.Encoding.UTF8.GetBytes(svg));
}
