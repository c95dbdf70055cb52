namespace Verifier.LinkedData.Tests.TestSupport;

/// <summary>Small helpers: run toRdf on a JSON string with the project's own test contexts.</summary>
internal static class Ld
{
    public const string ExampleContext = "https://example.test/ctx/v1";

    /// <summary>
    /// The project's own small context (an embedded resource, TestSupport/Contexts/example-v1.jsonld), shaped like the
    /// OB 3.0 one: protected terms, type-scoped contexts, @id, @json, list and typed terms.
    /// </summary>
    public static InMemoryContextLoader Loader() =>
        new InMemoryContextLoader().AddEmbedded(ExampleContext, typeof(Ld).Assembly, "Verifier.LinkedData.Tests.Contexts.example-v1.jsonld");

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
