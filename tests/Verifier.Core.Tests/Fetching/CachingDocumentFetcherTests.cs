using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Verifier.Core.Tests.Fetching;

/// <summary>The caching decorator as the engine gets it from DI, over real HTTP, with a fake clock for freshness.</summary>
public sealed class CachingDocumentFetcherTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("max-age=60", 59, 1)]
    [InlineData("max-age=60", 61, 2)]
    [InlineData("public, s-maxage=10, max-age=600", 11, 2)]
    [InlineData("no-store", 1, 2)]
    [InlineData("no-cache", 1, 2)]
    [InlineData("private, max-age=600", 1, 2)]
    [InlineData(null, 299, 1)]
    [InlineData(null, 301, 2)]
    [InlineData("max-age=86400", 3599, 1)]
    [InlineData("max-age=86400", 3601, 2)]
    public async Task FetchAsync_CacheControl_DecidesReuse(string? cacheControl, int secondsLater, int expectedHits)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/doc", ctx => Json(ctx, "{}", cacheControl));
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time);
        var fetcher = services.Fetcher();

        var first = await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(secondsLater));
        var second = await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Equal(FetchStatus.Ok, second.Status);
        Assert.Equal(expectedHits, server.Hits("/doc"));
        Assert.Equal(expectedHits == 1, second.FromCache);
    }

    [Fact]
    public async Task FetchAsync_AgeHeader_IsSpentFromMaxAge()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/doc", ctx =>
        {
            ctx.Response.Headers.Age = "50";
            return Json(ctx, "{}", "max-age=60");
        });
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time);
        var fetcher = services.Fetcher();

        await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(11));
        await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(2, server.Hits("/doc"));
    }

    [Theory]
    [InlineData(404, 29, 1)]
    [InlineData(410, 29, 1)]
    [InlineData(410, 31, 2)]
    [InlineData(403, 1, 2)]
    [InlineData(503, 1, 2)]
    public async Task FetchAsync_ErrorAnswers_OnlyGoneAndNotFoundCachedBriefly(int status, int secondsLater, int expectedHits)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapStatus("/doc", status);
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.RetryCount = 0; }, time: _time);
        var fetcher = services.Fetcher();

        var first = await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(secondsLater));
        var second = await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(first.Status, second.Status);
        Assert.Equal(status, second.HttpStatusCode);
        Assert.Equal(expectedHits, server.Hits("/doc"));
    }

    [Fact]
    public async Task FetchAsync_UrlsDifferingOnlyInFragment_ShareOneEntry()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/issuer", ctx => Json(ctx, "{}", "max-age=600"));
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time);
        var fetcher = services.Fetcher();

        await fetcher.FetchAsync(server.Url("/issuer#key-1"), FetchKind.Document, CancellationToken.None);
        var second = await fetcher.FetchAsync(server.Url("/issuer#key-2"), FetchKind.Document, CancellationToken.None);

        Assert.True(second.FromCache);
        Assert.Equal(server.Url("/issuer#key-2"), second.RequestedUrl);
        Assert.Equal(1, server.Hits("/issuer"));
    }

    [Fact]
    public async Task FetchAsync_CachedUrlWithUserInfoAdded_IsStillRefused()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/doc", ctx => Json(ctx, "{}", "max-age=600"));
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time);
        var fetcher = services.Fetcher();

        await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);
        var sneaky = new UriBuilder(server.Url("/doc")) { UserName = "example.org" }.Uri;
        var result = await fetcher.FetchAsync(sneaky, FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Refused, result.Status);
    }

    [Fact]
    public async Task FetchAsync_SameUrlDifferentKind_AreSeparateEntries()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/doc", ctx => Json(ctx, "{}", "max-age=600"));
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time);
        var fetcher = services.Fetcher();

        await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);
        await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Badge, CancellationToken.None);

        Assert.Equal(2, server.Hits("/doc"));
    }

    [Fact]
    public async Task FetchAsync_ConcurrentRequestsForSameUrl_ShareOneFetch()
    {
        await using var server = await LoopbackServer.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Map("/slow", async ctx =>
        {
            await release.Task;
            await Json(ctx, "{\"shared\":true}", "no-store");
        });
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time);
        var fetcher = services.Fetcher();

        var fetches = Enumerable.Range(0, 10)
            .Select(_ => fetcher.FetchAsync(server.Url("/slow"), FetchKind.Document, CancellationToken.None))
            .ToArray();
        while (server.Hits("/slow") == 0)
        {
            await Task.Delay(10);
        }

        release.SetResult();
        var results = await Task.WhenAll(fetches);

        Assert.All(results, r => Assert.Equal(FetchStatus.Ok, r.Status));
        Assert.Equal(1, server.Hits("/slow"));
    }

    [Fact]
    public async Task FetchAsync_OneWaiterCancels_OthersStillGetTheSharedResult()
    {
        await using var server = await LoopbackServer.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Map("/slow", async ctx =>
        {
            await release.Task;
            await Json(ctx, "{}", null);
        });
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time);
        var fetcher = services.Fetcher();
        using var impatient = new CancellationTokenSource();

        var cancelled = fetcher.FetchAsync(server.Url("/slow"), FetchKind.Document, impatient.Token);
        var patient = fetcher.FetchAsync(server.Url("/slow"), FetchKind.Document, CancellationToken.None);
        while (server.Hits("/slow") == 0)
        {
            await Task.Delay(10);
        }

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        release.SetResult();

        Assert.Equal(FetchStatus.Ok, (await patient).Status);
        Assert.Equal(1, server.Hits("/slow"));
    }

    [Fact]
    public async Task FetchAsync_EveryWaiterCancels_SharedFetchIsAbandonedAndNextCallFetchesAgain()
    {
        await using var server = await LoopbackServer.StartAsync();
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        server.Map("/doc", async ctx =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.RequestAborted.Register(() => aborted.TrySetResult());
                await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await Json(ctx, "{}", null);
        });
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time);
        var fetcher = services.Fetcher();
        using var cts = new CancellationTokenSource();

        var first = fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, cts.Token);
        while (server.Hits("/doc") == 0)
        {
            await Task.Delay(10);
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the upstream request was really cancelled
        var second = await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, second.Status);
        Assert.Equal(2, server.Hits("/doc"));
    }

    [Fact]
    public async Task FetchAsync_DocumentLargerThanQuarterOfCache_IsNotKept()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/big", ctx => Json(ctx, "[" + new string(' ', 4000) + "]", "max-age=600"));
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.MemoryCacheBytes = 8000; }, time: _time);
        var fetcher = services.Fetcher();

        await fetcher.FetchAsync(server.Url("/big"), FetchKind.Document, CancellationToken.None);
        await fetcher.FetchAsync(server.Url("/big"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(2, server.Hits("/big"));
    }

    [Fact]
    public async Task FetchAsync_WithStore_FillsStoreAndServesFromItAfterRestart()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/doc", ctx => Json(ctx, "{\"n\":1}", "max-age=120"));
        var store = new MemoryStore();
        using (var services = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time, store: store))
        {
            await services.Fetcher().FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);
        }

        // A new instance (empty memory tier) finds the entry in the shared store while it is fresh...
        using var restarted = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time, store: store);
        var fromStore = await restarted.Fetcher().FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(121));

        // ...and not once it expired.
        using var later = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time, store: store);
        var refetched = await later.Fetcher().FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);

        Assert.True(fromStore.FromCache);
        Assert.Equal("{\"n\":1}", System.Text.Encoding.UTF8.GetString(fromStore.Body.Span));
        Assert.False(refetched.FromCache);
        Assert.Equal(2, server.Hits("/doc"));
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(120), store.Entries.Single().Value.ExpiresAt);
    }

    [Fact]
    public async Task FetchAsync_StoreThrows_IsTreatedAsMiss()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/doc", ctx => Json(ctx, "{}", null));
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, time: _time, store: new BrokenStore());

        var result = await services.Fetcher().FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
    }

    private static async Task Json(HttpContext ctx, string body, string? cacheControl)
    {
        if (cacheControl is not null)
        {
            ctx.Response.Headers.CacheControl = cacheControl;
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(body);
    }

    private sealed class MemoryStore : IDocumentCacheStore
    {
        public ConcurrentDictionary<string, CachedDocument> Entries { get; } = new();

        public Task<CachedDocument?> GetAsync(string key, CancellationToken cancellationToken) =>
            Task.FromResult(Entries.TryGetValue(key, out var d) ? d : null);

        public Task SetAsync(string key, CachedDocument document, CancellationToken cancellationToken)
        {
            Entries[key] = document;
            return Task.CompletedTask;
        }
    }

    private sealed class BrokenStore : IDocumentCacheStore
    {
        public Task<CachedDocument?> GetAsync(string key, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("storage is down");

        public Task SetAsync(string key, CachedDocument document, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("storage is down");
    }
}
