namespace Verifier.LinkedData.Tests.JsonLd;

/// <summary>RFC 3986 §5.4 reference resolution examples (base "http://a/b/c/d;p?q") and IRI form checks.</summary>
public class IriTests
{
    private const string Base = "http://a/b/c/d;p?q";

    [Theory]
    [InlineData("g:h", "g:h")]
    [InlineData("g", "http://a/b/c/g")]
    [InlineData("./g", "http://a/b/c/g")]
    [InlineData("g/", "http://a/b/c/g/")]
    [InlineData("/g", "http://a/g")]
    [InlineData("//g", "http://g")]
    [InlineData("?y", "http://a/b/c/d;p?y")]
    [InlineData("g?y", "http://a/b/c/g?y")]
    [InlineData("#s", "http://a/b/c/d;p?q#s")]
    [InlineData("g#s", "http://a/b/c/g#s")]
    [InlineData(";x", "http://a/b/c/;x")]
    [InlineData("", "http://a/b/c/d;p?q")]
    [InlineData(".", "http://a/b/c/")]
    [InlineData("..", "http://a/b/")]
    [InlineData("../g", "http://a/b/g")]
    [InlineData("../..", "http://a/")]
    [InlineData("../../../g", "http://a/g")]
    [InlineData("/./g", "http://a/g")]
    [InlineData("/../g", "http://a/g")]
    [InlineData("g.", "http://a/b/c/g.")]
    [InlineData("..g", "http://a/b/c/..g")]
    [InlineData("./../g", "http://a/b/g")]
    [InlineData("g/./h", "http://a/b/c/g/h")]
    [InlineData("g/../h", "http://a/b/c/h")]
    [InlineData("g;x=1/../y", "http://a/b/c/y")]
    [InlineData("g?y/./x", "http://a/b/c/g?y/./x")]
    [InlineData("g#s/../x", "http://a/b/c/g#s/../x")]
    public void Resolve_Rfc3986Examples_MatchSection54(string reference, string expected) =>
        Assert.Equal(expected, Iri.Resolve(Base, reference));

    [Theory]
    [InlineData("http://a.test/x", true)]
    [InlineData("urn:uuid:1234", true)]
    [InlineData("did:example:123#key-1", true)]
    [InlineData("relative/path", false)]
    [InlineData("http://a.test/x y", false)]
    [InlineData("http://a.test/#a#b", false)]
    [InlineData("http://a.test/<x>", false)]
    [InlineData("1http://a.test/", false)]
    public void IsWellFormed_Iris_AcceptsOnlyAbsoluteAndClean(string iri, bool expected) =>
        Assert.Equal(expected, Iri.IsWellFormed(iri));
}
