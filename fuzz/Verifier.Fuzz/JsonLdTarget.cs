using System.Text.Json;
using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Fuzz;

/// <summary>
/// JSON-LD expansion + toRdf, then RDFC-1.0, on hostile documents. Expected failures are <see cref="JsonLdException"/>
/// (a W3C or project error code) and a failed <see cref="RdfcResult"/>; anything else thrown is a crash.
/// Contexts come only from memory (the project's own small contexts below), so nothing is fetched.
/// </summary>
internal static class JsonLdTarget
{
    public const string ContextUrl = "https://fuzz.example/context.json";
    public const string ScopedContextUrl = "https://fuzz.example/scoped.json";

    // Small contexts of our own that exercise the features signed credentials use: @vocab, @protected, type-scoped and
    // property-scoped contexts, @json, containers and @nest.
    private const string Context = """
        {"@context":{"@version":1.1,"@protected":true,"id":"@id","type":"@type","ex":"https://fuzz.example/vocab#",
        "Thing":{"@id":"ex:Thing","@context":{"name":"ex:name","data":{"@id":"ex:data","@type":"@json"}}},
        "items":{"@id":"ex:items","@container":"@list"},"tags":{"@id":"ex:tags","@container":"@set"},
        "byLang":{"@id":"ex:byLang","@container":"@language"},"byId":{"@id":"ex:byId","@container":"@id"},
        "child":{"@id":"ex:child","@context":"https://fuzz.example/scoped.json"},"meta":"@nest",
        "when":{"@id":"ex:when","@type":"http://www.w3.org/2001/XMLSchema#dateTime"},"graph":{"@id":"ex:graph","@container":"@graph"}}}
        """;

    private const string ScopedContext = """{"@context":{"label":"https://fuzz.example/vocab#label","@vocab":"https://fuzz.example/scoped#"}}""";

    private static readonly JsonLdProcessor Processor = new(new InMemoryContextLoader().Add(ContextUrl, Context).Add(ScopedContextUrl, ScopedContext));

    private static readonly JsonLdOptions Plain = new() { MaxSteps = 200_000, MaxQuads = 20_000 };
    private static readonly JsonLdOptions Safe = Plain with { SafeMode = true };
    private static readonly Rdfc10Options Canonical = new();

    public static void Run(byte[] data)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return; // not JSON: the verifier rejects it before JSON-LD sees it
        }

        using (document)
        {
            // Alternate plain and safe mode from the input itself so both paths are explored.
            var options = data.Length % 2 == 0 ? Safe : Plain;
            try
            {
                var dataset = Processor.ToRdfAsync(document.RootElement, options, "https://fuzz.example/doc").AsTask().GetAwaiter().GetResult();
                var canonical = Rdfc10.Canonicalize(dataset, Canonical);
                if (!canonical.Succeeded && string.IsNullOrEmpty(canonical.Error))
                {
                    throw new FuzzPropertyException("a failed canonicalization explains itself");
                }
            }
            catch (JsonLdException e) when (!string.IsNullOrEmpty(e.Code))
            {
                // An expected, coded failure.
            }
        }
    }
}
