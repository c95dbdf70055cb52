using Microsoft.Extensions.Options;
using Verifier.Core.Engine;

namespace Verifier.Http;

/// <summary>
/// Bounds the verifications one instance runs at once (<see cref="HttpOptions.MaxConcurrentRequests"/>), so a burst
/// cannot make it buffer bodies and open fetches without limit (issue 6, "bounded work"). A request waits up to
/// <see cref="HttpOptions.QueueTimeout"/> for a slot, then gets 503 with Retry-After; health and the OpenAPI document
/// are never gated.
/// </summary>
public sealed class RequestGate(IOptions<HttpOptions> options, TimeProvider? time = null) : IDisposable
{
    private readonly SemaphoreSlim? _slots = options.Value.MaxConcurrentRequests > 0
        ? new SemaphoreSlim(options.Value.MaxConcurrentRequests)
        : null;

    /// <summary>A lease to dispose when the request is done, or null when no slot freed up in time.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (_slots is null)
        {
            return Lease.None;
        }

        return await _slots.WaitAsync(options.Value.QueueTimeout, time ?? TimeProvider.System, cancellationToken).ConfigureAwait(false)
            ? new Lease(_slots)
            : null;
    }

    public void Dispose() => _slots?.Dispose();

    private sealed class Lease(SemaphoreSlim? slots) : IDisposable
    {
        public static readonly Lease None = new(null);

        private SemaphoreSlim? _slots = slots;

        public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
    }
}
