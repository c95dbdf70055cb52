namespace Verifier.Core.Fetching;

/// <summary>
/// Per-verification fetch limits. <c>BadgeVerifier</c> opens one scope per verification; it flows through async
/// calls (AsyncLocal), so every fetch that verification makes — from any family verifier, key resolver or status
/// check — is counted against it without threading a parameter through every API. Outside a scope (e.g. a host
/// calling the fetcher directly) there is no per-verification limit.
/// </summary>
public sealed class FetchScope : IDisposable
{
    private static readonly AsyncLocal<FetchScope?> CurrentScope = new();

    // Not disposed: a fetch shared by the cache with another verification may release it after this scope ended,
    // and a SemaphoreSlim whose wait handle is never touched holds no unmanaged resources.
    private readonly SemaphoreSlim _gate;
    private readonly FetchScope? _parent;
    private int _started;
    private int _cacheHits;

    private FetchScope(int maxConcurrent, int maxFetches, FetchScope? parent)
    {
        _gate = new SemaphoreSlim(Math.Max(1, maxConcurrent));
        MaxFetches = Math.Max(1, maxFetches);
        _parent = parent;
    }

    /// <summary>The scope of the verification running on this async flow, if any.</summary>
    public static FetchScope? Current => CurrentScope.Value;

    public int MaxFetches { get; }

    /// <summary>Network fetches started in this scope so far.</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Fetches this verification answered from a cache (telemetry only; they cost no budget).</summary>
    public int CacheHits => Volatile.Read(ref _cacheHits);

    internal void CacheHit() => Interlocked.Increment(ref _cacheHits);

    /// <summary>Opens a scope for the current async flow; dispose it when the verification ends.</summary>
    public static FetchScope Begin(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scope = new FetchScope(options.MaxConcurrentFetchesPerVerification, options.MaxFetchesPerVerification, Current);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>Counts one more fetch; false when the scope's total is spent.</summary>
    internal bool TryStart() => Interlocked.Increment(ref _started) <= MaxFetches;

    internal Task EnterAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    /// <summary>
    /// The answer when this verification's fetch budget is spent: "could not check" (indeterminate), never a refusal
    /// about the badge, so that no cache keeps a verdict one request's budget caused (docs/security.md rule 8).
    /// </summary>
    internal FetchResult Exhausted(Uri url) =>
        new(FetchStatus.Unavailable, url, url, null, null, default, $"this verification already made {MaxFetches} fetches, the most allowed");

    internal void Exit() => _gate.Release();

    public void Dispose()
    {
        if (ReferenceEquals(CurrentScope.Value, this))
        {
            CurrentScope.Value = _parent;
        }
    }
}
