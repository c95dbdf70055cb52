namespace Verifier.LinkedData.Tests.JsonLd;

/// <summary>Context processing features (JSON-LD 1.1 API §4), each through toRdf with the project's own contexts.</summary>
public class ContextFeatureTests
{
    [Fact]
    public async Task ToRdf_VocabAndCompactIri_ExpandsTerms()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@vocab": "http://v.test/", "ex": "http://ex.test/"},
             "@id": "ex:a", "name": "A", "ex:knows": {"@id": "ex:b"}}
            """);
        Ld.AssertIsomorphic("""
            <http://ex.test/a> <http://v.test/name> "A" .
            <http://ex.test/a> <http://ex.test/knows> <http://ex.test/b> .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_RelativeBase_ResolvesAgainstDocumentUrl()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@base": "sub/", "p": {"@id": "http://v.test/p", "@type": "@id"}}, "@id": "x", "p": "../y"}
            """, documentUrl: "http://doc.test/a/b.json");
        Ld.AssertIsomorphic("<http://doc.test/a/sub/x> <http://v.test/p> <http://doc.test/a/y> .", ds);
    }

    [Fact]
    public async Task ToRdf_Import_MergesImportedContextUnderLocalEntries()
    {
        var loader = new InMemoryContextLoader().Add("https://ctx.test/base", """{"@context": {"a": "http://v.test/a", "b": "http://v.test/b"}}""");
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@version": 1.1, "@import": "https://ctx.test/base", "b": "http://v.test/override"}, "a": 1, "b": 2}
            """, loader: loader);
        Ld.AssertIsomorphic("""
            _:x <http://v.test/a> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:x <http://v.test/override> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_ProtectedTermRedefined_FailsWithW3cCode()
    {
        var e = await Ld.FailsAsync("""
            {"@context": ["https://example.test/ctx/v1", {"achievement": "http://evil.test/a"}], "achievement": "x"}
            """);
        Assert.Equal("protected term redefinition", e.Code);
    }

    [Fact]
    public async Task ToRdf_ContextNullificationWithProtectedTerms_Fails()
    {
        var e = await Ld.FailsAsync("""{"@context": ["https://example.test/ctx/v1", null], "@id": "http://a.test/"}""");
        Assert.Equal("invalid context nullification", e.Code);
    }

    [Fact]
    public async Task ToRdf_TypeScopedContext_AppliesToTypedNodeOnly()
    {
        // Type-scoped contexts do not propagate (API §4.1.2 @propagate default for type-scoped is false).
        var ds = await Ld.ToRdfAsync("""
            {"@context": "https://example.test/ctx/v1", "id": "urn:c:1", "type": "Credential",
             "validFrom": "2024-01-01T00:00:00Z", "issuer": "urn:i:1",
             "achievement": {"type": "Achievement", "name": "Chess", "score": 1.1, "tags": ["a", "b"]}}
            """);
        Ld.AssertIsomorphic("""
            <urn:c:1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.test/vocab#Credential> .
            <urn:c:1> <https://example.test/vocab#validFrom> "2024-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
            <urn:c:1> <https://example.test/vocab#issuer> <urn:i:1> .
            <urn:c:1> <https://example.test/vocab#achievement> _:a .
            _:a <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://example.test/vocab#Achievement> .
            _:a <https://example.test/vocab#name> "Chess" .
            _:a <https://example.test/vocab#score> "1.1E0"^^<http://www.w3.org/2001/XMLSchema#double> .
            _:a <https://example.test/vocab#tags> _:l1 .
            _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "a" .
            _:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
            _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "b" .
            _:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_TypeScopedTermOutsideItsType_IsDropped()
    {
        // "name" is only defined inside Achievement; on the Credential it expands to nothing.
        var ds = await Ld.ToRdfAsync("""{"@context": "https://example.test/ctx/v1", "id": "urn:c:1", "type": "Credential", "name": "x"}""");
        Assert.Single(ds.Quads);
    }

    [Fact]
    public async Task ToRdf_PropertyScopedContext_AppliesInsideProperty()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@vocab": "http://v.test/", "inner": {"@id": "http://v.test/inner", "@context": {"@vocab": "http://w.test/"}}},
             "inner": {"x": 1}, "x": 2}
            """);
        Ld.AssertIsomorphic("""
            _:a <http://v.test/inner> _:b .
            _:b <http://w.test/x> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            _:a <http://v.test/x> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_PropagateFalse_StopsAtNestedNode()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@vocab": "http://v.test/"},
             "p": {"@context": {"@propagate": false, "@vocab": "http://w.test/"}, "q": {"r": 1}}}
            """);
        Ld.AssertIsomorphic("""
            _:a <http://v.test/p> _:b .
            _:b <http://w.test/q> _:c .
            _:c <http://v.test/r> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_LanguageAndDirection_I18nDatatype()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@vocab": "http://v.test/", "@language": "EN", "@direction": "rtl"}, "label": "x", "plain": {"@value": "y"}}
            """, new JsonLdOptions { RdfDirection = "i18n-datatype" });
        Ld.AssertIsomorphic("""
            _:a <http://v.test/label> "x"^^<https://www.w3.org/ns/i18n#en_rtl> .
            _:a <http://v.test/plain> "y" .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_VersionOtherThan11_Fails()
    {
        var e = await Ld.FailsAsync("""{"@context": {"@version": 1.0}, "@id": "http://a.test/"}""");
        Assert.Equal("invalid @version value", e.Code);
    }
}
