namespace Verifier.LinkedData.Tests.Contexts;

public sealed class ContextLoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ctx").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static ContextDocument Doc(string json) => ContextDocuments.Parse("u", Encoding.UTF8.GetBytes(json)).Document!;

    [Fact]
    public async Task FolderLoader_IndexedUrl_ReturnsParsedDocument()
    {
        File.WriteAllText(Path.Combine(folder, "index.json"), """{"contexts": {"https://ctx.test/a": "a.jsonld"}}""");
        File.WriteAllText(Path.Combine(folder, "a.jsonld"), """{"@context": {"a": "http://v.test/a"}}""");
        var loader = FolderContextLoader.Open(folder);

        var hit = await loader.LoadAsync("https://ctx.test/a", default);
        var miss = await loader.LoadAsync("https://ctx.test/b", default);

        Assert.True(hit.IsSuccess);
        Assert.Equal("https://ctx.test/a", hit.Document!.DocumentUrl);
        Assert.Equal(ContextLoadResult.NotFound, miss.ErrorCode);
    }

    [Fact]
    public void FolderLoader_IndexNamingFileOutsideFolder_IsRejected()
    {
        File.WriteAllText(Path.Combine(folder, "index.json"), """{"contexts": {"https://ctx.test/a": "../etc/passwd"}}""");
        Assert.Throws<InvalidDataException>(() => FolderContextLoader.Open(folder));
    }

    [Fact]
    public async Task PinnedLoader_MatchingDigest_Loads()
    {
        const string json = """{"@context": {"b": "http://v.test/b", "a": "http://v.test/a"}}""";
        // Pinned over the canonical form: whitespace and member order do not matter.
        var digest = PinnedContextLoader.Digest(Doc("""{ "@context": { "a": "http://v.test/a", "b": "http://v.test/b" } }"""));
        var pinned = new PinnedContextLoader(new InMemoryContextLoader().Add("https://ctx.test/a", json), new Dictionary<string, string[]> { ["https://ctx.test/a"] = ["00", digest] });

        var result = await pinned.LoadAsync("https://ctx.test/a", default);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task PinnedLoader_ChangedContext_FailsWithDigestMismatch()
    {
        var digest = PinnedContextLoader.Digest(Doc("""{"@context": {"a": "http://v.test/a"}}"""));
        var inner = new InMemoryContextLoader().Add("https://ctx.test/a", """{"@context": {"a": "http://evil.test/a"}}""");
        var pinned = new PinnedContextLoader(inner, new Dictionary<string, string[]> { ["https://ctx.test/a"] = [digest] });

        using var doc = JsonDocument.Parse("""{"@context": "https://ctx.test/a", "a": 1}""");
        var e = await Assert.ThrowsAsync<JsonLdException>(() => new JsonLdProcessor(pinned).ToRdfAsync(doc.RootElement).AsTask());

        Assert.Equal(JsonLdErrorCodes.ContextDigestMismatch, e.Code);
    }

    [Fact]
    public async Task PinnedLoader_UnknownUrl_FailsWithNotPinned()
    {
        var pinned = new PinnedContextLoader(Ld.Loader(), PinnedContexts.Default);
        var result = await pinned.LoadAsync(Ld.ExampleContext, default);
        Assert.Equal(PinnedContextLoader.NotPinned, result.ErrorCode);
    }

    [Fact]
    public async Task Processor_WarmContexts_LoadsEachContextOnce()
    {
        var calls = 0;
        var inner = Ld.Loader();
        var counting = new DelegateContextLoader((url, ct) =>
        {
            Interlocked.Increment(ref calls);
            return inner.LoadAsync(url, ct);
        });
        var processor = new JsonLdProcessor(counting);
        using var doc = JsonDocument.Parse("""{"@context": "https://example.test/ctx/v1", "id": "urn:c", "type": "Credential", "issuer": "urn:i"}""");

        var first = await processor.ToRdfAsync(doc.RootElement);
        var second = await processor.ToRdfAsync(doc.RootElement);

        Assert.Equal(1, calls);
        Assert.Equal(NQuads.Write(first), NQuads.Write(second));
    }

    [Fact]
    public async Task ChainedLoader_FirstMiss_FallsThroughToNext()
    {
        var chained = new ChainedContextLoader(new InMemoryContextLoader(), Ld.Loader());
        Assert.True((await chained.LoadAsync(Ld.ExampleContext, default)).IsSuccess);
    }

    [Fact]
    public async Task ContextLoadersPinned_FolderThenNetwork_GatesBothByDigest()
    {
        File.WriteAllText(Path.Combine(folder, "index.json"), """{"contexts": {"https://ctx.test/a": "a.jsonld"}}""");
        File.WriteAllText(Path.Combine(folder, "a.jsonld"), """{"@context": {"a": "http://v.test/a"}}""");
        var pins = new Dictionary<string, string[]>
        {
            ["https://ctx.test/a"] = [PinnedContextLoader.Digest(Doc("""{"@context": {"a": "http://v.test/a"}}"""))],
            ["https://ctx.test/b"] = [PinnedContextLoader.Digest(Doc("""{"@context": {"b": "http://v.test/b"}}"""))],
        };
        var networkCalls = new List<string>();
        var network = new DelegateContextLoader((url, _) =>
        {
            networkCalls.Add(url);
            return ValueTask.FromResult(ContextDocuments.Parse(url, Encoding.UTF8.GetBytes("""{"@context": {"b": "http://evil.test/b"}}""")));
        });
        var loader = ContextLoaders.Pinned(folder, network, pins);

        Assert.True((await loader.LoadAsync("https://ctx.test/a", default)).IsSuccess);
        Assert.Equal(PinnedContextLoader.DigestMismatch, (await loader.LoadAsync("https://ctx.test/b", default)).ErrorCode);
        Assert.Equal(PinnedContextLoader.NotPinned, (await loader.LoadAsync("https://ctx.test/c", default)).ErrorCode);
        Assert.Equal(["https://ctx.test/b"], networkCalls); // folder first; never asked for an unpinned URL
    }

    [Trait("Category", "Conformance")]
    [SkippableFact]
    public async Task PinnedContexts_SharedContextsFolder_AllMatchTheirPins()
    {
        var shared = SharedFolder.Require("contexts");
        var loader = new PinnedContextLoader(FolderContextLoader.Open(shared), PinnedContexts.Default);
        foreach (var url in FolderContextLoader.Open(shared).Urls)
        {
            var result = await loader.LoadAsync(url, default);
            Assert.True(result.IsSuccess, $"{url}: {result.Error}");
        }
    }

    [Trait("Category", "Conformance")]
    [SkippableFact]
    public async Task PinnedContexts_OlderOb303Context_IsAlsoAccepted()
    {
        var file = SharedFolder.Require("vectors/ob3-spec/ob-context-3.0.3.json");
        const string url = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
        var inner = new InMemoryContextLoader().Add(url, File.ReadAllText(file));
        var result = await new PinnedContextLoader(inner, PinnedContexts.Default).LoadAsync(url, default);
        Assert.True(result.IsSuccess, result.Error);
    }
}
