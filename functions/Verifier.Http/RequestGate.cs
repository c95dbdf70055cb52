using Microsoft.Extensions.Options;
using Verifier.Core.Engine;

namespace Verifier.Http;

/// <summary>
/// Bounds the verifications one instance runs at once (<see cref="HttpOptions.MaxConcurrentRequests"/>), so a burst
/// cannot make it buffer bodies and open fetches without limit (issue 6, "bounded work"). A request waits up to
/// <see cref="HttpOptions.QueueTimeout"/> for a slot, then gets 503 with Retry-After; health and the OpenAPI document
/// are never gated.
/// </summary>
/// <remarks>
/// Slots are a counter taken with a compare-and-swap; only a request that finds none waits, on a semaphore that a
/// release signals. A SemaphoreSlim alone takes its lock on every enter and release, which every request paid for and
/// which showed as lock contention in profiles of small-body load (docs/benchmarks/hosts.md).
/// </remarks>
public sealed class RequestGate(IOptions<HttpOptions> options, TimeProvider? time = null) : IDisposable
{
    private readonly int _max = options.Value.MaxConcurrentRequests;
    private readonly SemaphoreSlim _signal = new(0);
    private int _free = options.Value.MaxConcurrentRequests;
    private int _waiters;

    /// <summary>A lease to dispose when the request is done, or null when no slot freed up in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (_max <= 0)
        {
            return Lease.None;
        }

        if (TryTake())
        {
            return new Lease(this);
        }

        var clock = time ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        Interlocked.Increment(ref _waiters);
        try
        {
            while (true)
            {
                // Registered as a waiter before this look: a release either leaves a slot this sees, or signals.
                if (TryTake())
                {
                    return new Lease(this);
                }

                var left = options.Value.QueueTimeout - clock.GetElapsedTime(started);
                if (left <= TimeSpan.Zero || !await _signal.WaitAsync(left, clock, cancellationToken).ConfigureAwait(false))
                {
                    return TryTake() ? new Lease(this) : null;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiters);
        }
    }

    public void Dispose() => _signal.Dispose();

    private bool TryTake()
    {
        var free = Volatile.Read(ref _free);
        while (free > 0)
        {
            var seen = Interlocked.CompareExchange(ref _free, free - 1, free);
            if (seen == free)
            {
                return true;
            }

            free = seen;
        }

        return false;
    }

    private void Release()
    {
        Interlocked.Increment(ref _free);
        // One pending signal per waiter is enough: each woken waiter tries again for a slot.
        if (Volatile.Read(ref _waiters) > _signal.CurrentCount)
        {
            _signal.Release();
        }
    }

    private sealed class Lease(RequestGate? gate) : IDisposable
    {
        public static readonly Lease None = new(null);

        private RequestGate? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
