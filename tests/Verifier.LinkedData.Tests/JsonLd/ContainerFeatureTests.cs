namespace Verifier.LinkedData.Tests.JsonLd;

/// <summary>Containers, keywords and value forms of expansion (JSON-LD 1.1 API §5) and toRdf (§8).</summary>
public class ContainerFeatureTests
{
    private const string Int = "<http://www.w3.org/2001/XMLSchema#integer>";

    [Fact]
    public async Task ToRdf_Nest_LiftsNestedPropertiesToTheNode()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@vocab": "http://v.test/", "meta": "@nest", "a": {"@id": "http://v.test/a", "@nest": "meta"}},
             "@id": "http://n.test/", "meta": {"a": 1, "b": 2}}
            """);
        Ld.AssertIsomorphic($"""
            <http://n.test/> <http://v.test/a> "1"^^{Int} .
            <http://n.test/> <http://v.test/b> "2"^^{Int} .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_NestHoldingValueObject_Fails()
    {
        var e = await Ld.FailsAsync("""{"@context": {"@vocab": "http://v.test/", "meta": "@nest"}, "meta": {"@value": 1}}""");
        Assert.Equal("invalid @nest value", e.Code);
    }

    [Fact]
    public async Task ToRdf_IndexMapAndPropertyIndex_AddIndexValues()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@vocab": "http://v.test/",
               "byKey": {"@id": "http://v.test/byKey", "@container": "@index"},
               "byProp": {"@id": "http://v.test/byProp", "@container": "@index", "@index": "tag"}},
             "@id": "http://n.test/", "byKey": {"k1": {"@id": "http://o.test/1"}}, "byProp": {"t1": {"@id": "http://o.test/2"}}}
            """);
        Ld.AssertIsomorphic("""
            <http://n.test/> <http://v.test/byKey> <http://o.test/1> .
            <http://n.test/> <http://v.test/byProp> <http://o.test/2> .
            <http://o.test/2> <http://v.test/tag> "t1" .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_IdAndTypeMaps_SetIdentifiersAndTypes()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@vocab": "http://v.test/",
               "byId": {"@id": "http://v.test/byId", "@container": "@id"},
               "byType": {"@id": "http://v.test/byType", "@container": "@type"}},
             "@id": "http://n.test/", "byId": {"http://o.test/1": {"x": 1}}, "byType": {"Thing": {"@id": "http://o.test/2"}}}
            """);
        Ld.AssertIsomorphic($"""
            <http://n.test/> <http://v.test/byId> <http://o.test/1> .
            <http://o.test/1> <http://v.test/x> "1"^^{Int} .
            <http://n.test/> <http://v.test/byType> <http://o.test/2> .
            <http://o.test/2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://v.test/Thing> .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_GraphContainer_PutsValueInNamedGraph()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@vocab": "http://v.test/", "claim": {"@id": "http://v.test/claim", "@container": "@graph"}},
             "@id": "http://n.test/", "claim": {"@id": "http://o.test/1", "x": 1}}
            """);
        Ld.AssertIsomorphic($"""
            <http://n.test/> <http://v.test/claim> _:g .
            <http://o.test/1> <http://v.test/x> "1"^^{Int} _:g .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_GraphIdMap_NamesGraphsByKey()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@vocab": "http://v.test/", "g": {"@id": "http://v.test/g", "@container": ["@graph", "@id"]}},
             "@id": "http://n.test/", "g": {"http://graph.test/1": {"@id": "http://o.test/1", "x": 1}}}
            """);
        Ld.AssertIsomorphic($"""
            <http://n.test/> <http://v.test/g> <http://graph.test/1> .
            <http://o.test/1> <http://v.test/x> "1"^^{Int} <http://graph.test/1> .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_IncludedAndReverse_ProduceTheirTriples()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"@vocab": "http://v.test/", "parentOf": {"@reverse": "http://v.test/child"}},
             "@id": "http://n.test/", "parentOf": {"@id": "http://o.test/kid"},
             "@included": [{"@id": "http://o.test/other", "x": 1}]}
            """);
        Ld.AssertIsomorphic($"""
            <http://o.test/kid> <http://v.test/child> <http://n.test/> .
            <http://o.test/other> <http://v.test/x> "1"^^{Int} .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_JsonLiteral_IsJcsCanonical()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": "https://example.test/ctx/v1", "type": "Achievement", "data": {"b": [1.50, "é"], "a": 1e21}}
            """);
        var literal = ds.Quads.Single(q => q.Predicate.Value.EndsWith("#data", StringComparison.Ordinal)).Object;
        Assert.Equal("{\"a\":1e+21,\"b\":[1.5,\"é\"]}", literal.Value);
        Assert.Equal("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON", literal.Datatype);
    }

    [Theory]
    [InlineData("5", "\"5\"^^<http://www.w3.org/2001/XMLSchema#integer>")]
    [InlineData("5.0", "\"5\"^^<http://www.w3.org/2001/XMLSchema#integer>")]
    [InlineData("1.1", "\"1.1E0\"^^<http://www.w3.org/2001/XMLSchema#double>")]
    [InlineData("-0.000123", "\"-1.23E-4\"^^<http://www.w3.org/2001/XMLSchema#double>")]
    [InlineData("1e21", "\"1.0E21\"^^<http://www.w3.org/2001/XMLSchema#double>")]
    [InlineData("true", "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>")]
    public async Task ToRdf_NativeValues_UseCanonicalLexicalForms(string json, string expectedObject)
    {
        var nq = await Ld.NQuadsAsync("{\"http://v.test/p\": " + json + "}");
        Assert.EndsWith($"<http://v.test/p> {expectedObject} .\n", nq, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToRdf_LanguageMap_TagsEachValue()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"label": {"@id": "http://v.test/label", "@container": "@language"}}, "@id": "http://n.test/", "label": {"en": "Hi", "DE": ["Hallo"], "@none": "?"}}
            """);
        Ld.AssertIsomorphic("""
            <http://n.test/> <http://v.test/label> "Hi"@en .
            <http://n.test/> <http://v.test/label> "Hallo"@de .
            <http://n.test/> <http://v.test/label> "?" .
            """, ds);
    }

    [Fact]
    public async Task ToRdf_EmptyListAndListOfLists_ConvertToRdfCollections()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": {"p": {"@id": "http://v.test/p", "@container": "@list"}}, "@id": "http://n.test/", "p": [[]], "http://v.test/q": {"@list": []}}
            """);
        Ld.AssertIsomorphic("""
            <http://n.test/> <http://v.test/p> _:l .
            _:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            _:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            <http://n.test/> <http://v.test/q> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
            """, ds);
    }

    [Theory]
    [InlineData("""{"@id": 5}""", "invalid @id value")]
    [InlineData("""{"@type": {"a": 1}}""", "invalid type value")]
    [InlineData("""{"http://v.test/p": {"@value": "x", "@language": "en", "@type": "http://t.test/"}}""", "invalid value object")]
    [InlineData("""{"http://v.test/p": {"@value": 1, "@language": "en"}}""", "invalid language-tagged value")]
    [InlineData("""{"http://v.test/p": {"@value": "x", "@type": "not an iri"}}""", "invalid typed value")]
    [InlineData("""{"http://v.test/p": {"@list": [], "@id": "http://x.test/"}}""", "invalid set or list object")]
    [InlineData("""{"@reverse": 1}""", "invalid @reverse value")]
    [InlineData("""{"@context": {"@vocab": 5}}""", "invalid vocab mapping")]
    [InlineData("""{"@context": {"t": {"@id": "http://v.test/t", "@container": "@bogus"}}}""", "invalid container mapping")]
    [InlineData("""{"@context": {"@id": "http://v.test/"}}""", "keyword redefinition")]
    [InlineData("""{"@context": {"a": "b:c", "b": "a:d"}}""", "cyclic IRI mapping")]
    [InlineData("""{"@context": 5}""", "invalid local context")]
    public async Task ToRdf_MalformedInput_FailsWithW3cCode(string json, string code)
    {
        var e = await Ld.FailsAsync(json);
        Assert.Equal(code, e.Code);
    }
}
