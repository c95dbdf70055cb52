namespace Verifier.LinkedData.Tests.JsonLd;

/// <summary>Bounds, cancellation and safe mode: hostile input fails fast with a code.</summary>
public class SafetyTests
{
    private static readonly JsonLdOptions Safe = new() { SafeMode = true };

    [Theory]
    [InlineData("value")]
    [InlineData("key")]
    public async Task ToRdf_InvalidUtf8InsideAString_FailsWithCode(string where)
    {
        // Regression (fuzzing): JsonDocument accepts these bytes; reading the string threw InvalidOperationException.
        var json = where == "value"
            ? "{\"@id\":\"http://a.test/\",\"http://p.test/\":\"x\u00FFy\"}"
            : "{\"@id\":\"http://a.test/\",\"http://p.test/\u00FF\":\"v\"}";
        var bytes = Encoding.Latin1.GetBytes(json); // U+00FF becomes the lone byte 0xFF: invalid UTF-8
        using var doc = JsonDocument.Parse(bytes);

        var e = await Assert.ThrowsAsync<JsonLdException>(async () => await new JsonLdProcessor(new InMemoryContextLoader()).ToRdfAsync(doc.RootElement));
        Assert.Equal(JsonLdErrorCodes.InvalidUtf8, e.Code);
    }

    [Fact]
    public async Task ToRdf_RemoteContextChainTooDeep_FailsWithContextOverflow()
    {
        // Each context points at the next: a chain longer than the bound.
        var loader = new InMemoryContextLoader();
        for (var i = 0; i < 40; i++)
        {
            loader.Add($"https://ctx.test/{i}", $$"""{"@context": "https://ctx.test/{{i + 1}}"}""");
        }

        var e = await Ld.FailsAsync("""{"@context": "https://ctx.test/0"}""", loader: loader);
        Assert.Equal(JsonLdErrorCodes.ContextOverflow, e.Code);
    }

    [Fact]
    public async Task ToRdf_ContextIncludingItself_FailsWithRecursiveInclusion()
    {
        var loader = new InMemoryContextLoader().Add("https://ctx.test/a", """{"@context": "https://ctx.test/b"}""").Add("https://ctx.test/b", """{"@context": "https://ctx.test/a"}""");
        var e = await Ld.FailsAsync("""{"@context": "https://ctx.test/a"}""", loader: loader);
        Assert.Equal("recursive context inclusion", e.Code);
    }

    [Fact]
    public async Task ToRdf_UnknownRemoteContext_FailsWithLoadingCode()
    {
        var e = await Ld.FailsAsync("""{"@context": "https://nowhere.test/ctx", "@id": "http://a.test/"}""");
        Assert.Equal("loading remote context failed", e.Code);
        Assert.Equal("https://nowhere.test/ctx", e.Property);
    }

    [Fact]
    public async Task ToRdf_NestingDeeperThanBound_FailsWithProcessingLimit()
    {
        var json = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            json.Append("{\"http://v.test/p\":");
        }

        json.Append('1').Append('}', 200);
        var e = await Assert.ThrowsAsync<JsonLdException>(async () =>
        {
            using var doc = JsonDocument.Parse(json.ToString(), new JsonDocumentOptions { MaxDepth = 512 });
            await new JsonLdProcessor(Ld.Loader()).ToRdfAsync(doc.RootElement, new JsonLdOptions { MaxDepth = 64 });
        });
        Assert.Equal(JsonLdErrorCodes.ProcessingLimit, e.Code);
    }

    [Fact]
    public async Task ToRdf_MoreWorkThanBudget_FailsWithProcessingLimit()
    {
        var items = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"{{\"http://v.test/p\": {i}}}"));
        var e = await Ld.FailsAsync("{\"http://v.test/all\": [" + items + "]}", new JsonLdOptions { MaxSteps = 2000 });
        Assert.Equal(JsonLdErrorCodes.ProcessingLimit, e.Code);
    }

    [Fact]
    public async Task ToRdf_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var doc = JsonDocument.Parse("""{"http://v.test/p": 1}""");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new JsonLdProcessor(Ld.Loader()).ToRdfAsync(doc.RootElement, cancellationToken: cts.Token).AsTask());
    }

    [Fact]
    public async Task ToRdf_SafeModeUndefinedTerm_FailsNamingTheProperty()
    {
        var e = await Ld.FailsAsync("""{"@context": "https://example.test/ctx/v1", "type": "Credential", "issuer": "urn:i", "sneaky": "x"}""", Safe);
        Assert.Equal(JsonLdErrorCodes.SafeModeViolation, e.Code);
        Assert.Equal("sneaky", e.Property);
    }

    [Fact]
    public async Task ToRdf_SafeModeRelativeType_Fails()
    {
        var e = await Ld.FailsAsync("""{"@context": {"@vocab": null, "p": "http://v.test/p"}, "@type": "Relative", "p": 1}""", Safe);
        Assert.Equal(JsonLdErrorCodes.SafeModeViolation, e.Code);
        Assert.Equal("@type", e.Property);
    }

    [Fact]
    public async Task ToRdf_SafeModeIllFormedIri_Fails()
    {
        var e = await Ld.FailsAsync("""{"@id": "http://a.test/", "http://v.test/p": {"@id": "http://bad iri.test/"}}""", Safe);
        Assert.Equal(JsonLdErrorCodes.SafeModeViolation, e.Code);
    }

    [Fact]
    public async Task ToRdf_WithoutSafeModeUndefinedTerm_IsDropped()
    {
        var ds = await Ld.ToRdfAsync("""{"@context": "https://example.test/ctx/v1", "id": "urn:c", "type": "Credential", "sneaky": "x"}""");
        Assert.Single(ds.Quads);
    }

    [Fact]
    public async Task ToRdf_SafeModeWellFormedCredential_Succeeds()
    {
        var ds = await Ld.ToRdfAsync("""
            {"@context": "https://example.test/ctx/v1", "id": "urn:c:1", "type": "Credential", "issuer": "urn:i:1",
             "achievement": {"type": "Achievement", "name": "Chess", "data": {"x": [1, 2]}}}
            """, Safe);
        Assert.Equal(6, ds.Quads.Count);
    }

    [Fact]
    public async Task ToRdf_NumberBeyondDouble_FailsWithInvalidNumber()
    {
        var e = await Ld.FailsAsync("""{"http://v.test/p": 1e400}""");
        Assert.Equal(JsonLdErrorCodes.InvalidNumber, e.Code);
    }

    [Fact]
    public async Task ToRdf_ScopedContextsNestedTooDeep_FailsWithContextOverflow()
    {
        // Each term's scoped context defines the next term with its own scoped context.
        var ctx = "{}";
        for (var i = 0; i < 100; i++)
        {
            ctx = "{\"t" + i + "\": {\"@id\": \"http://v.test/t" + i + "\", \"@context\": " + ctx + "}}";
        }

        var e = await Assert.ThrowsAsync<JsonLdException>(async () =>
        {
            using var doc = JsonDocument.Parse("{\"@context\": " + ctx + "}", new JsonDocumentOptions { MaxDepth = 1000 });
            await new JsonLdProcessor(Ld.Loader()).ToRdfAsync(doc.RootElement);
        });
        Assert.Equal(JsonLdErrorCodes.ContextOverflow, e.Code);
    }

    [Fact]
    public async Task ToRdf_ValueInGraphContainer_IsDroppedOrRejectedInSafeMode()
    {
        // Found by mutating the W3C inputs: a graph container wraps a bare value in a graph with no node to hold it.
        const string json = """
            {"@context": {"input": {"@id": "http://v.test/input", "@container": "@graph"}}, "@id": "http://n.test/", "input": [1.5, {"@list": []}]}
            """;
        var ds = await Ld.ToRdfAsync(json);
        Assert.Equal(2, ds.Quads.Count); // two graph references from the node, no value triples
        var e = await Ld.FailsAsync(json, Safe);
        Assert.Equal(JsonLdErrorCodes.SafeModeViolation, e.Code);
    }

    [Theory]
    [InlineData("""{"@id": "http://a.test/", "http://v.test/p": {"@language": "en"}}""")]
    [InlineData("""{"@graph": [{"@id": "http://a.test/"}, {"@id": "http://b.test/", "http://v.test/p": 1}]}""")]
    [InlineData("""[{"@id": "http://a.test/", "http://v.test/p": 1}, 5]""")]
    [InlineData("""{"@id": "http://a.test/", "http://v.test/p": 1, "@foo": "bar"}""")]
    public async Task ToRdf_SafeModeDroppedContent_Fails(string json)
    {
        await Ld.ToRdfAsync(json); // without safe mode the content is dropped silently
        var e = await Ld.FailsAsync(json, Safe);
        Assert.Equal(JsonLdErrorCodes.SafeModeViolation, e.Code);
    }

    [Fact]
    public async Task ToRdf_ConcurrentCallsOnOneProcessor_GiveTheSameDataset()
    {
        var processor = new JsonLdProcessor(Ld.Loader());
        const string json = """
            {"@context": "https://example.test/ctx/v1", "id": "urn:c:1", "type": "Credential", "issuer": "urn:i:1",
             "achievement": {"type": "Achievement", "name": "Chess", "score": 2.5, "tags": ["a"], "data": {"x": 1}}}
            """;
        async Task<string> Run()
        {
            await Task.Yield();
            using var doc = JsonDocument.Parse(json);
            return NQuads.Write(await processor.ToRdfAsync(doc.RootElement, Safe));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(Run)));

        Assert.Single(results.Distinct());
        Assert.Contains("Chess", results[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToRdf_ColdRestartsForContexts_ShareOneWorkBudget()
    {
        // A cold processor restarts once per context it must load; the restarts must not each get a fresh budget.
        var loader = new InMemoryContextLoader();
        var urls = new List<string>();
        var props = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            loader.Add($"https://ctx.test/{i}", "{\"@context\": {\"p" + i + "\": \"http://v.test/p" + i + "\"}}");
            urls.Add($"\"https://ctx.test/{i}\"");
            props.Add($"\"p{i}\": {i}");
        }

        var json = "{\"@context\": [" + string.Join(",", urls) + "], " + string.Join(",", props) + "}";
        var tight = new JsonLdOptions { MaxSteps = 100 };
        var warm = new JsonLdProcessor(loader);
        using var doc = JsonDocument.Parse(json);
        await warm.ToRdfAsync(doc.RootElement); // loads and processes the contexts once

        var warmResult = await warm.ToRdfAsync(doc.RootElement, tight);
        var e = await Assert.ThrowsAsync<JsonLdException>(() => new JsonLdProcessor(loader).ToRdfAsync(doc.RootElement, tight).AsTask());

        Assert.Equal(20, warmResult.Quads.Count);
        Assert.Equal(JsonLdErrorCodes.ProcessingLimit, e.Code);
    }
}
