using Microsoft.AspNetCore.Http;

namespace Verifier.Core.Tests.Fetching;

public sealed class FetchScopeTests
{
    [Fact]
    public async Task FetchAsync_InScope_NeverExceedsConcurrencyLimit()
    {
        await using var server = await LoopbackServer.StartAsync();
        var inFlight = 0;
        var peak = 0;
        server.Map("/slow", async ctx =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            await Task.Delay(100);
            Interlocked.Decrement(ref inFlight);
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{}");
        });
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.MaxConcurrentFetchesPerVerification = 2; });
        var fetcher = services.Guarded();

        FetchResult[] results;
        using (FetchScope.Begin(services.Options().Fetch))
        {
            results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
                fetcher.FetchAsync(server.Url($"/slow?i={i}"), FetchKind.Document, CancellationToken.None)));
        }

        Assert.All(results, r => Assert.Equal(FetchStatus.Ok, r.Status));
        Assert.Equal(8, server.Hits("/slow"));
        Assert.InRange(peak, 1, 2);
    }

    [Fact]
    public async Task FetchAsync_InScope_RefusesFetchesBeyondTotal()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/doc", "{}");
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.MaxFetchesPerVerification = 3; });
        var fetcher = services.Guarded();

        var statuses = new List<FetchStatus>();
        using (FetchScope.Begin(services.Options().Fetch))
        {
            for (var i = 0; i < 5; i++)
            {
                statuses.Add((await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None)).Status);
            }
        }

        // Outside the scope the limit no longer applies.
        var after = await fetcher.FetchAsync(server.Url("/doc"), FetchKind.Document, CancellationToken.None);

        // A spent budget is "could not check" (indeterminate), never a refusal about the badge that a cache could keep.
        Assert.Equal([FetchStatus.Ok, FetchStatus.Ok, FetchStatus.Ok, FetchStatus.Unavailable, FetchStatus.Unavailable], statuses);
        Assert.Equal(FetchStatus.Ok, after.Status);
        Assert.Equal(4, server.Hits("/doc"));
    }

    [Fact]
    public void Begin_Dispose_RestoresOuterScope()
    {
        var options = new FetchOptions();
        using var outer = FetchScope.Begin(options);
        using (var inner = FetchScope.Begin(options))
        {
            Assert.Same(inner, FetchScope.Current);
        }

        Assert.Same(outer, FetchScope.Current);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
