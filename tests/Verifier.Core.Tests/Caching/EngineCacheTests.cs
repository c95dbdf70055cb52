using Microsoft.Extensions.Options;
using Verifier.Core.Caching;

namespace Verifier.Core.Tests.Caching;

public class EngineCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private EngineCache Cache(long budget = 1024 * 1024) => new(Options.Create(new VerifierOptions
    {
        MemoryCache = new MemoryBudgetOptions { KeyBytes = budget, StatusListBytes = budget, SchemaBytes = budget, IssuerDocumentBytes = budget },
    }), _time);

    [Fact]
    public void TryGet_BeforeLifetimeOnInjectedClock_Hits()
    {
        using var cache = Cache();
        cache.Set(CacheTier.Key, "k", "value", 10, TimeSpan.FromMinutes(5));

        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.True(cache.TryGet(CacheTier.Key, "k", out string value));
        Assert.Equal("value", value);
    }

    [Fact]
    public void TryGet_AfterLifetimeOnInjectedClock_Misses()
    {
        using var cache = Cache();
        cache.Set(CacheTier.Key, "k", "value", 10, TimeSpan.FromMinutes(5));

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.False(cache.TryGet(CacheTier.Key, "k", out string _));
    }

    [Fact]
    public void Set_EntryOverAQuarterOfTheBudget_IsNotKept()
    {
        using var cache = Cache(budget: 4096);

        cache.Set(CacheTier.StatusList, "big", "value", 2000, TimeSpan.FromMinutes(5));

        Assert.False(cache.TryGet(CacheTier.StatusList, "big", out string _));
    }

    [Fact]
    public async Task Set_TenTimesTheBudget_SizeStaysWithinTheBudget()
    {
        const long budget = 256 * 1024;
        using var cache = Cache(budget);

        for (var i = 0; i < 2560; i++)
        {
            cache.Set(CacheTier.StatusList, $"list-{i}", new byte[1024], 1024, TimeSpan.FromMinutes(5));
            if (i % 256 == 0)
            {
                await Task.Yield(); // compaction runs on the thread pool
            }
        }

        Assert.InRange(cache.Size(CacheTier.StatusList), 1, budget);
        Assert.InRange(cache.Count(CacheTier.StatusList), 1, 256);
    }

    [Fact]
    public void Set_OneTierFull_OtherTiersKeepTheirEntries()
    {
        const long budget = 64 * 1024;
        using var cache = Cache(budget);
        cache.Set(CacheTier.Key, "key", "k", 100, TimeSpan.FromMinutes(5));

        for (var i = 0; i < 1000; i++)
        {
            cache.Set(CacheTier.StatusList, $"list-{i}", "l", 1024, TimeSpan.FromMinutes(5));
        }

        Assert.True(cache.TryGet(CacheTier.Key, "key", out string _));
    }

    [Fact]
    public void Set_ZeroBudget_KeepsNothing()
    {
        using var cache = Cache(budget: 0);

        cache.Set(CacheTier.Schema, "s", "schema", 1, TimeSpan.FromMinutes(5));

        Assert.False(cache.TryGet(CacheTier.Schema, "s", out string _));
    }
}
