using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Telemetry;

namespace Verifier.Core.Caching;

/// <summary>What the engine caches besides fetched documents; each kind has its own byte budget.</summary>
internal enum CacheTier
{
    Key,
    StatusList,
    Schema,
    IssuerDocument,
}

/// <summary>
/// The engine's own caches: one size-limited <see cref="MemoryCache"/> per <see cref="CacheTier"/>, every entry sized
/// in bytes, so an anonymous caller choosing which status lists, keys and schemas get cached can fill a budget but
/// never grow the process past it (over budget the cache compacts, least recently used first, instead of growing).
/// The host's shared <see cref="IMemoryCache"/> is left alone: a size limit there would force every other user of it
/// to give sizes. Freshness is decided with the injected <see cref="TimeProvider"/>; the caches' own clocks only evict.
/// Whatever is stored must be request-independent (docs/security.md rule 8): callers cache only such answers.
/// </summary>
internal sealed class EngineCache : IDisposable
{
    /// <summary>Bookkeeping of one MemoryCache entry (entry object, key, options, linked list node), added to every size.</summary>
    internal const long EntryOverhead = 256;

    private readonly Dictionary<CacheTier, (MemoryCache Cache, long Budget)> _tiers = [];
    private readonly TimeProvider _time;
    private readonly VerifierMetrics? _metrics;

    public EngineCache(IOptions<VerifierOptions> options, TimeProvider time, VerifierMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _metrics = metrics;
        var budgets = options.Value.MemoryCache;
        Add(CacheTier.Key, budgets.KeyBytes);
        Add(CacheTier.StatusList, budgets.StatusListBytes);
        Add(CacheTier.Schema, budgets.SchemaBytes);
        Add(CacheTier.IssuerDocument, budgets.IssuerDocumentBytes);
    }

    /// <summary>The budget of a tier in bytes (0 turns the tier off).</summary>
    public long Budget(CacheTier tier) => _tiers[tier].Budget;

    /// <summary>Entries of a tier right now (tests, diagnostics).</summary>
    public long Count(CacheTier tier) => _tiers[tier].Cache.Count;

    /// <summary>Bytes a tier holds right now, by the sizes its entries were given.</summary>
    public long Size(CacheTier tier) => _tiers[tier].Cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public bool TryGet<T>(CacheTier tier, string key, out T value)
        where T : class
    {
        if (_tiers[tier].Cache.TryGetValue(key, out Entry<T>? entry) && entry!.ExpiresAt > _time.GetUtcNow())
        {
            _metrics?.CacheLookup(tier.ToString(), hit: true);
            value = entry.Value;
            return true;
        }

        _metrics?.CacheLookup(tier.ToString(), hit: false);
        value = null!;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="value"/> for <paramref name="lifetime"/>. <paramref name="bytes"/> estimates what it holds
    /// in memory; an entry over a quarter of its tier's budget is not kept (one huge list must not evict everything).
    /// </summary>
    public void Set<T>(CacheTier tier, string key, T value, long bytes, TimeSpan lifetime)
        where T : class
    {
        var (cache, budget) = _tiers[tier];
        var size = bytes + EntryOverhead + (2L * key.Length);
        if (lifetime <= TimeSpan.Zero || size > budget / 4)
        {
            return;
        }

        cache.Set(key, new Entry<T>(value, _time.GetUtcNow() + lifetime),
            new MemoryCacheEntryOptions { Size = size, AbsoluteExpirationRelativeToNow = lifetime });
    }

    private void Add(CacheTier tier, long budget) =>
        _tiers[tier] = (new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, budget), TrackStatistics = true }), budget);

    public void Dispose()
    {
        foreach (var (cache, _) in _tiers.Values)
        {
            cache.Dispose();
        }
    }

    private sealed record Entry<T>(T Value, DateTimeOffset ExpiresAt);
}
