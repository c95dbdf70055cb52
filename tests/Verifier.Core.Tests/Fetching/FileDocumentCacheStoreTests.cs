using Microsoft.Extensions.Configuration;

namespace Verifier.Core.Tests.Fetching;

/// <summary>The disk tier of the document cache (local host, CLI): offline after a first run, never trusted past expiry.</summary>
public sealed class FileDocumentCacheStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("verifier-disk-cache-");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Delete(recursive: true);

    private FileDocumentCacheStore Store(long maxBytes = 1024 * 1024) => new(_folder.FullName, maxBytes, _time);

    private CachedDocument Document(string body = "{\"id\":\"https://issuer.example/issuer\"}", bool offOrigin = false, TimeSpan? lifetime = null) =>
        new(FetchStatus.Ok, 200, "application/ld+json", new Uri("https://cdn.example/issuer"), Encoding.UTF8.GetBytes(body), _time.GetUtcNow() + (lifetime ?? TimeSpan.FromMinutes(5)))
        {
            RedirectedOffOrigin = offOrigin,
        };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAsync_AfterSet_SameDocumentAndRedirectFlag(bool offOrigin)
    {
        var store = Store();
        var key = CachedDocument.KeyFor(new Uri("https://issuer.example/issuer"), FetchKind.Document);

        await store.SetAsync(key, Document(offOrigin: offOrigin), CancellationToken.None);
        var read = await Store().GetAsync(key, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(offOrigin, read.RedirectedOffOrigin); // docs/security.md rule 1: whom the document speaks for
        Assert.Equal(new Uri("https://cdn.example/issuer"), read.FinalUrl);
        Assert.Equal("{\"id\":\"https://issuer.example/issuer\"}", Encoding.UTF8.GetString(read.Body.Span));
        Assert.Equal(FetchStatus.Ok, read.Status);
    }

    [Fact]
    public async Task GetAsync_ExpiredOnTheInjectedClock_Misses()
    {
        var store = Store();
        await store.SetAsync("Document|https://issuer.example/", Document(lifetime: TimeSpan.FromMinutes(5)), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(await store.GetAsync("Document|https://issuer.example/", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_EntryWrittenForAnotherKey_Misses()
    {
        var store = Store();
        await store.SetAsync("Document|https://evil.example/", Document(), CancellationToken.None);
        var written = Assert.Single(_folder.GetFiles("*.entry"));
        var victim = Path.Combine(_folder.FullName, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("Document|https://issuer.example/"))) + ".entry");
        written.CopyTo(victim);

        Assert.Null(await store.GetAsync("Document|https://issuer.example/", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_TruncatedOrGarbageFile_Misses()
    {
        var store = Store();
        await store.SetAsync("k", Document(), CancellationToken.None);
        var file = Assert.Single(_folder.GetFiles("*.entry"));
        await File.WriteAllBytesAsync(file.FullName, (await File.ReadAllBytesAsync(file.FullName))[..12]);

        Assert.Null(await store.GetAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task SetAsync_PastTheCap_OldestEntriesGoFolderStaysUnderIt()
    {
        const long cap = 64 * 1024;
        var store = Store(cap);
        var body = new string('x', 4000);

        for (var i = 0; i < 64; i++)
        {
            await store.SetAsync($"Document|https://issuer.example/{i}", Document(body), CancellationToken.None);
        }

        Assert.True(_folder.GetFiles().Sum(f => f.Length) <= cap);
        Assert.NotNull(await store.GetAsync("Document|https://issuer.example/63", CancellationToken.None));
        Assert.Null(await store.GetAsync("Document|https://issuer.example/0", CancellationToken.None));
        Assert.Empty(_folder.GetFiles("*.tmp")); // written whole, then renamed
    }

    [Fact]
    public async Task FetchAsync_SecondRunWithTheServerGone_AnsweredFromDisk()
    {
        var url = new Uri("http://127.0.0.1/issuer.json");
        await using (var server = await LoopbackServer.StartAsync())
        {
            server.MapJson("/issuer.json", "{\"type\":\"Profile\"}");
            url = server.Url("/issuer.json");
            using var first = FetchTestHost.Build(o => o.AllowLoopback = true, store: Store());
            Assert.True((await first.GetRequiredService<IDocumentFetcher>().FetchAsync(url, FetchKind.Document, CancellationToken.None)).IsOk);
            for (var i = 0; i < 100 && _folder.GetFiles("*.entry").Length == 0; i++)
            {
                await Task.Delay(50); // the store write runs in the background
            }
        }

        using var second = FetchTestHost.Build(o => o.AllowLoopback = true, store: Store());
        var offline = await second.GetRequiredService<IDocumentFetcher>().FetchAsync(url, FetchKind.Document, CancellationToken.None);

        Assert.True(offline.IsOk, offline.Describe());
        Assert.True(offline.FromCache);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("false", null, false)]
    [InlineData(null, "true", false)]
    public void AddVerifierDiskCache_Settings_DecideWhetherTheTierExists(string? diskEnabled, string? allowLoopback, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Verifier:Cache:Directory"] = _folder.FullName,
            ["Verifier:Cache:DiskEnabled"] = diskEnabled,
            ["Verifier:Fetch:AllowLoopback"] = allowLoopback,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddVerifierDiskCache(configuration).AddVerifierEngine(configuration).BuildServiceProvider();

        var store = services.GetService<IDocumentCacheStore>();

        Assert.Equal(expected, store is not null);
        Assert.True(store is null || ((FileDocumentCacheStore)store).Folder == _folder.FullName, (store as FileDocumentCacheStore)?.Folder);
    }
}
