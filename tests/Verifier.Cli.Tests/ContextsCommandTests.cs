using Verifier.LinkedData.Contexts;

namespace Verifier.Cli.Tests;

/// <summary>
/// <c>obverify contexts pull</c> against a loopback server standing in for the context hosts (through the fetcher's
/// HostMap): only documents whose digest is pinned are written, and the folder it writes is one the engine's folder
/// loader reads.
/// </summary>
public sealed class ContextsCommandTests : WithTempFiles, IAsyncLifetime
{
    private static readonly string[] ContextHosts = PinnedContexts.Default.Keys.Select(u => new Uri(u).Host).Distinct().ToArray();

    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Dictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string> { ["Verifier__Fetch__AllowLoopback"] = "true" };
        foreach (var host in ContextHosts)
        {
            env[$"Verifier__Fetch__HostMap__{host}"] = _server.BaseUri.GetLeftPart(UriPartial.Authority);
        }

        return env;
    }

    [Fact]
    public async Task Pull_TamperedAndMissingContexts_AreNotWrittenAndExit1()
    {
        const string tampered = "https://www.w3.org/ns/credentials/v2";
        _server.MapJson(new Uri(tampered).AbsolutePath, """{"@context":{"@version":1.1,"id":"@id"}}""", contentType: "application/ld+json");
        var dir = Files.PathOf("contexts");

        var run = await Obverify.RunAsync(["contexts", "pull", dir], environment: Environment());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{tampered}: digest", run.Stderr);
        Assert.Equal(1, _server.Hits(new Uri(tampered).AbsolutePath));
        using var index = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "index.json")));
        Assert.Empty(index.RootElement.GetProperty("contexts").EnumerateObject());
        Assert.Single(Directory.GetFiles(dir));
    }

    [SkippableFact]
    [Trait("Category", "Conformance")]
    public async Task Pull_PublishedContexts_WritesAFolderThePinnedLoaderAccepts()
    {
        var shared = SharedFolder.Require("contexts/index.json");
        using var sharedIndex = JsonDocument.Parse(await File.ReadAllTextAsync(shared));
        var served = new List<string>();
        foreach (var entry in sharedIndex.RootElement.GetProperty("contexts").EnumerateObject())
        {
            if (PinnedContexts.Default.ContainsKey(entry.Name))
            {
                var body = await File.ReadAllBytesAsync(Path.Combine(Path.GetDirectoryName(shared)!, entry.Value.GetString()!));
                _server.MapBytes(new Uri(entry.Name).AbsolutePath, body, "application/ld+json");
                served.Add(entry.Name);
            }
        }

        var dir = Files.PathOf("contexts");

        var run = await Obverify.RunAsync(["contexts", "pull", dir], environment: Environment());

        Assert.NotEmpty(served);
        Assert.True(run.ExitCode == (served.Count == PinnedContexts.Default.Count ? 0 : 1), run.Stdout + run.Stderr);
        var loader = new PinnedContextLoader(FolderContextLoader.Open(dir), PinnedContexts.Default);
        foreach (var url in served)
        {
            var loaded = await loader.LoadAsync(url, CancellationToken.None);
            Assert.True(loaded.IsSuccess, $"{url}: {loaded.Error}");
        }
    }
}
