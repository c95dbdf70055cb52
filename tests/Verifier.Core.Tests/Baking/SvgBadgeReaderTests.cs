namespace Verifier.Core.Tests.Baking;

public class SvgBadgeReaderTests
{
    private const string Url = "https://example.org/assertions/1";
    private const string Json = """{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/assertions/1"}""";

    [Fact]
    public void Read_VerifyAttributeOnly_FindsItAtVerifyLocation()
    {
        var result = Read($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="{Url}"/></svg>""");

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal(Url, result.Payload);
        Assert.Equal("svg:openbadges:assertion@verify", result.Location);
    }

    [Fact]
    public void Read_CdataOnly_FindsJsonAtCdataLocation()
    {
        var result = Read($"""
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
              <openbadges:assertion>
                <![CDATA[ {Json} ]]>
              </openbadges:assertion>
            </svg>
            """);

        Assert.Equal(Json, result.Payload);
        Assert.Equal("svg:openbadges:assertion#cdata", result.Location);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Read_VerifyAndMatchingCdata_PrefersJsonWithoutWarning()
    {
        var result = Read($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="{Url}"><![CDATA[{Json}]]></openbadges:assertion></svg>""");

        Assert.Equal(Json, result.Payload);
        Assert.Equal("svg:openbadges:assertion#cdata", result.Location);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Read_VerifyDisagreeingWithCdataId_PrefersJsonAndWarns()
    {
        var result = Read($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://evil.example/x"><![CDATA[{Json}]]></openbadges:assertion></svg>""");

        Assert.Equal(Json, result.Payload);
        Assert.Contains("differs", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Read_VerifyAndNonJsonBody_UsesVerifyAndWarns()
    {
        var result = Read($$$"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="{{{Url}}}"><![CDATA[{verify:{"url":1}}]]></openbadges:assertion></svg>""");

        Assert.Equal(Url, result.Payload);
        Assert.Equal("svg:openbadges:assertion@verify", result.Location);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Read_VerifyAndEmptyCdata_UsesVerify()
    {
        var result = Read($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="{Url}"><![CDATA[]]></openbadges:assertion></svg>""");

        Assert.Equal(Url, result.Payload);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org"><ob:assertion verify="https://example.org/assertions/1"/></svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><g><assertion xmlns="http://openbadges.org" verify="https://example.org/assertions/1"/></g></svg>""")]
    [InlineData("""<s:svg xmlns:s="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/assertions/1"/></s:svg>""")]
    public void Read_AnyPrefixBoundToNamespace_IsFound(string svg)
    {
        var result = Read(svg);

        Assert.Equal(Url, result.Payload);
        Assert.Equal("svg:openbadges:assertion@verify", result.Location);
    }

    [Fact]
    public void Read_OpenbadgesPrefixBoundToOtherNamespace_IsNoBadge()
    {
        var result = Read($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://example.org/not-badges"><openbadges:assertion verify="{Url}"/></svg>""");

        Assert.Equal(UnbakeStatus.NoBadge, result.Status);
    }

    [Fact]
    public void Read_Ob3CredentialVerify_IsOpenBadges3Jwt()
    {
        const string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e319.c2ln";
        var result = Read($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="{jwt}"></openbadges:credential></svg>""");

        Assert.Equal(jwt, result.Payload);
        Assert.Equal(BadgeFamily.OpenBadges3, result.Family);
        Assert.Equal("svg:openbadges:credential@verify", result.Location);
    }

    [Fact]
    public void Read_Ob3CredentialCdata_IsOpenBadges3Json()
    {
        const string vc = """{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"]}""";
        var result = Read($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[{vc}]]></openbadges:credential></svg>""");

        Assert.Equal(vc, result.Payload);
        Assert.Equal(BadgeFamily.OpenBadges3, result.Family);
        Assert.Equal("svg:openbadges:credential#cdata", result.Location);
    }

    [Fact]
    public void Read_TwoAssertionsWithDifferentPayloads_IsMalformed()
    {
        var result = Read("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/first"/><openbadges:assertion verify="https://example.org/second"/></svg>""");

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Null(result.Payload);
        Assert.Contains("two different badges", result.Error);
    }

    [Fact]
    public void Read_TwoAssertionsWithTheSamePayload_FirstWinsWithWarning()
    {
        var result = Read("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/first"/><g><openbadges:assertion verify="https://example.org/first"/></g></svg>""");

        Assert.Equal("https://example.org/first", result.Payload);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Read_EmptyAssertion_IsMalformed()
    {
        var result = Read("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion/></svg>""");

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
    }

    [Fact]
    public void Read_SvgWithoutBadge_IsNoBadge()
    {
        Assert.Equal(UnbakeStatus.NoBadge, Read("""<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>""").Status);
    }

    [Fact]
    public void Read_NotAnSvg_IsMalformed()
    {
        var result = Read("""<html xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a"/></html>""");

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("not an SVG", result.Error);
    }

    [Fact]
    public void Read_NotWellFormed_IsMalformed()
    {
        Assert.Equal(UnbakeStatus.Malformed, Read("""<svg xmlns="http://www.w3.org/2000/svg"><g></svg>""").Status);
    }

    [Fact]
    public void Read_ExternalEntityInInternalSubset_IsRefusedAndNeverReadsTheFile()
    {
        var secret = $"top-secret-{Guid.NewGuid():N}";
        var path = Path.Combine(Path.GetTempPath(), $"xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, secret);
        try
        {
            var result = Read($"""
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY xxe SYSTEM "{new Uri(path).AbsoluteUri}">]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion>&xxe;</openbadges:assertion></svg>
                """);

            Assert.Equal(UnbakeStatus.Malformed, result.Status);
            Assert.Contains("DOCTYPE", result.Error);
            AssertNowhere(result, secret);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_ExternalDtdDeclaringEntity_IsNeverLoaded()
    {
        var secret = $"top-secret-{Guid.NewGuid():N}";
        var dir = Directory.CreateTempSubdirectory("xxe");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "secret.txt"), secret);
            var dtd = Path.Combine(dir.FullName, "evil.dtd");
            File.WriteAllText(dtd, $"""<!ENTITY xxe SYSTEM "{new Uri(Path.Combine(dir.FullName, "secret.txt")).AbsoluteUri}">""");

            var result = Read($"""
                <!DOCTYPE svg SYSTEM "{new Uri(dtd).AbsoluteUri}">
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion>&xxe;</openbadges:assertion></svg>
                """);

            // The entity is undeclared because the DTD is never opened: a well-formedness error, not a file read.
            Assert.Equal(UnbakeStatus.Malformed, result.Status);
            Assert.Contains("xxe", result.Error);
            AssertNowhere(result, secret);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Read_PublicSvgDoctypeWithoutSubset_IsReadWithoutLoadingTheDtd()
    {
        var result = Read($"""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://127.0.0.1:1/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="{Url}"/></svg>
            """);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal(Url, result.Payload);
    }

    [Fact]
    public void Read_BillionLaughs_IsRefused()
    {
        var lol = new StringBuilder("<!DOCTYPE svg [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            lol.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">");
        }

        lol.Append("]><svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion>&lol9;</openbadges:assertion></svg>");

        var result = Read(lol.ToString());

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Null(result.Payload);
    }

    [Fact]
    public void Read_DeepNesting_IsMalformed()
    {
        const int depth = BakingLimits.MaxSvgDepth + 10;
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + string.Concat(Enumerable.Repeat("<g>", depth)) + string.Concat(Enumerable.Repeat("</g>", depth)) + "</svg>";

        var result = Read(svg);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("deeper", result.Error);
    }

    [Fact]
    public void Read_BodyLongerThanLimit_IsMalformed()
    {
        var body = new string('x', BakingLimits.MaxPayloadBytes + 1);
        var result = Read($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion>{body}</openbadges:assertion></svg>""");

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
    }

    private static UnbakeResult Read(string svg) => SvgBadgeReader.Read(Encoding.UTF8.GetBytes(svg));

    private static void AssertNowhere(UnbakeResult result, string secret)
    {
        Assert.DoesNotContain(secret, result.Payload ?? string.Empty);
        Assert.DoesNotContain(secret, result.Error ?? string.Empty);
        Assert.DoesNotContain(secret, result.Location ?? string.Empty);
        Assert.All(result.Warnings, w => Assert.DoesNotContain(secret, w));
    }
}
