using System.Text.Json;
using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf;

namespace Verifier.LinkedData.Tests.TestSupport;

/// <summary>Small helpers: run toRdf on a JSON string with the project's own test contexts.</summary>
public static class Ld
{
    public const string ExampleContext = "https://example.test/ctx/v1";

    /// <summary>A small context shaped like the OB 3.0 one: protected terms, type-scoped contexts, @id and @json types.</summary>
    public const string ExampleContextJson = """
        {
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "Credential": {
              "@id": "https://example.test/vocab#Credential",
              "@context": {
                "@protected": true,
                "issuer": {"@id": "https://example.test/vocab#issuer", "@type": "@id"},
                "validFrom": {"@id": "https://example.test/vocab#validFrom", "@type": "xsd:dateTime"},
                "subject": {"@id": "https://example.test/vocab#subject", "@type": "@id"}
              }
            },
            "Achievement": {
              "@id": "https://example.test/vocab#Achievement",
              "@context": {
                "@protected": true,
                "name": {"@id": "https://example.test/vocab#name"},
                "score": {"@id": "https://example.test/vocab#score", "@type": "xsd:double"},
                "data": {"@id": "https://example.test/vocab#data", "@type": "@json"},
                "tags": {"@id": "https://example.test/vocab#tags", "@container": "@list"}
              }
            },
            "achievement": {"@id": "https://example.test/vocab#achievement", "@type": "@id"}
          }
        }
        """;

    public static InMemoryContextLoader Loader() => new InMemoryContextLoader().Add(ExampleContext, ExampleContextJson);

    public static async Task<RdfDataset> ToRdfAsync(string json, JsonLdOptions? options = null, IContextLoader? loader = null, string? documentUrl = null)
    {
        using var doc = JsonDocument.Parse(json);
        return await new JsonLdProcessor(loader ?? Loader()).ToRdfAsync(doc.RootElement, options, documentUrl);
    }

    public static async Task<string> NQuadsAsync(string json, JsonLdOptions? options = null, IContextLoader? loader = null) =>
        NQuads.Write(await ToRdfAsync(json, options, loader));

    public static void AssertIsomorphic(string expectedNQuads, RdfDataset actual) =>
        Assert.True(Isomorphism.AreIsomorphic(NQuads.Parse(expectedNQuads), actual), $"expected:\n{expectedNQuads}\nactual:\n{NQuads.Write(actual)}");

    public static async Task<JsonLdException> FailsAsync(string json, JsonLdOptions? options = null, IContextLoader? loader = null) =>
        await Assert.ThrowsAsync<JsonLdException>(() => ToRdfAsync(json, options, loader));
}
