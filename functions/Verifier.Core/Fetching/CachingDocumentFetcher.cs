using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Telemetry;

namespace Verifier.Core.Fetching;

/// <summary>
/// Caches fetched documents in front of another <see cref="IDocumentFetcher"/>: a size-limited in-memory tier and,
/// when a deployment registers one, a shared <see cref="IDocumentCacheStore"/>. Freshness follows the response's
/// Cache-Control within <see cref="FetchOptions.MaxCacheAge"/>; expiry is computed with the injected TimeProvider.
/// Concurrent requests for the same document share one fetch (<see cref="SharedFetches"/>).
/// </summary>
internal sealed partial class CachingDocumentFetcher : IDocumentFetcher, IDisposable
{
    private readonly IDocumentFetcher _inner;
    private readonly FetchOptions _options;
    private readonly TimeProvider _time;
    private readonly IDocumentCacheStore? _store;
    private readonly ILogger _logger;
    private readonly MemoryCache _memory;
    private readonly SharedFetches _shared = new();
    private readonly VerifierMetrics? _metrics;

    /// <summary>Bound on a background write to the shared store.</summary>
    private static readonly TimeSpan StoreWriteTimeout = TimeSpan.FromSeconds(30);

    public CachingDocumentFetcher(
        IDocumentFetcher inner,
        IOptions<VerifierOptions> options,
        TimeProvider time,
        IDocumentCacheStore? store = null,
        ILogger<CachingDocumentFetcher>? logger = null,
        VerifierMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _inner = inner;
        _options = options.Value.Fetch;
        _time = time;
        _store = store;
        _logger = logger ?? NullLogger<CachingDocumentFetcher>.Instance;
        _metrics = metrics;

        // A cache of its own: a size limit on the shared IMemoryCache would force every other user to give sizes.
        _memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, _options.MemoryCacheBytes) });
    }

    public Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = CachedDocument.KeyFor(url, kind);
        if (_memory.TryGetValue(key, out CachedDocument? hit) && hit!.ExpiresAt > _time.GetUtcNow())
        {
            _metrics?.CacheLookup("document", hit: true);
            FetchScope.Current?.CacheHit();
            return Task.FromResult(hit.ToResult(url));
        }

        _metrics?.CacheLookup("document", hit: false);
        return JoinAsync(key, url, kind, cancellationToken);
    }

    /// <summary>
    /// A miss is charged to the calling verification's fetch scope here, outside the shared load: the load runs
    /// outside every verification's flow (<see cref="SharedFetches"/>), so one request's budget never decides
    /// another's answer.
    /// </summary>
    private async Task<FetchResult> JoinAsync(string key, Uri url, FetchKind kind, CancellationToken cancellationToken)
    {
        var scope = FetchScope.Current;
        if (scope is not null && !scope.TryStart())
        {
            return scope.Exhausted(url);
        }

        if (scope is not null)
        {
            await scope.EnterAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await _shared.JoinAsync(key, ct => LoadAsync(key, url, kind, ct), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            scope?.Exit();
        }
    }

    private async Task<FetchResult> LoadAsync(string key, Uri url, FetchKind kind, CancellationToken ct)
    {
        if (_store is not null)
        {
            if (await ReadStoreAsync(key, ct).ConfigureAwait(false) is { } stored && stored.ExpiresAt > _time.GetUtcNow())
            {
                _metrics?.CacheLookup("document-store", hit: true);
                Remember(key, stored);
                return stored.ToResult(url);
            }

            _metrics?.CacheLookup("document-store", hit: false);
        }

        var result = await _inner.FetchAsync(url, kind, ct).ConfigureAwait(false);
        if (Lifetime(result) is { } lifetime)
        {
            var document = new CachedDocument(result.Status, result.HttpStatusCode ?? 0, result.ContentType, result.FinalUrl,
                result.Body, _time.GetUtcNow() + lifetime) { RedirectedOffOrigin = result.RedirectedOffOrigin };
            Remember(key, document);
            if (_store is not null)
            {
                // Not awaited: the caller has its answer, and a slow store must not spend its deadline.
                _ = WriteStoreAsync(key, document);
            }
        }

        return result;
    }

    /// <summary>
    /// How long a result may be reused: successful answers per Cache-Control (or <see cref="FetchOptions.DefaultCacheAge"/>
    /// without one), capped at <see cref="FetchOptions.MaxCacheAge"/>; 404 and 410 at most
    /// <see cref="FetchOptions.NegativeCacheAge"/> (a verifier hammering a dead URL helps no one, yet a 404 from a
    /// deployment hiccup must not stick); nothing else — refusals are cheap to repeat and failures must be retried.
    /// </summary>
    internal TimeSpan? Lifetime(FetchResult result)
    {
        var cap = result.Status switch
        {
            FetchStatus.Ok => _options.MaxCacheAge,
            FetchStatus.HttpError when result.HttpStatusCode is 404 or 410 => Min(_options.NegativeCacheAge, _options.MaxCacheAge),
            _ => TimeSpan.Zero,
        };
        if (cap <= TimeSpan.Zero || result.Caching is not { NoStore: false } caching)
        {
            return null;
        }

        var lifetime = Min(caching.FreshFor ?? _options.DefaultCacheAge, cap);
        return lifetime > TimeSpan.Zero ? lifetime : null;
    }

    private void Remember(string key, CachedDocument document)
    {
        var left = document.ExpiresAt - _time.GetUtcNow();
        var size = document.Body.Length + 512L;
        if (left <= TimeSpan.Zero || size > _options.MemoryCacheBytes / 4)
        {
            return;
        }

        // The cache's own clock only evicts; freshness is always decided with the injected TimeProvider above.
        _memory.Set(key, document, new MemoryCacheEntryOptions { Size = size, AbsoluteExpirationRelativeToNow = left });
    }

    private async Task<CachedDocument?> ReadStoreAsync(string key, CancellationToken ct)
    {
        try
        {
            return await _store!.GetAsync(key, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogStoreFailure(_logger, e, "read", HostOf(key));
            return null;
        }
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A store write is best effort: any failure is logged and the fetched document is still used.")]
    private async Task WriteStoreAsync(string key, CachedDocument document)
    {
        using var timeout = new CancellationTokenSource(StoreWriteTimeout, _time);
        try
        {
            await _store!.SetAsync(key, document, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogStoreFailure(_logger, e, "write", HostOf(key));
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Logs name the host of a cached URL, never its path or query (docs/telemetry.md).</summary>
    private static string HostOf(string key) =>
        Uri.TryCreate(key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..], UriKind.Absolute, out var url) ? url.Host : "?";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document cache store {Operation} failed for a document from {Host}; treated as a miss")]
    private static partial void LogStoreFailure(ILogger logger, Exception exception, string operation, string host);

    public void Dispose() => _memory.Dispose();
}
