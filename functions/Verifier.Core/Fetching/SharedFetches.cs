using System.Diagnostics;

namespace Verifier.Core.Fetching;

/// <summary>
/// Coalesces concurrent loads of the same key into one. The shared load runs on its own token, cancelled only when
/// every caller waiting for it has given up, so one verification's deadline cannot fail another's fetch, and a fetch
/// nobody waits for any more does not run on.
/// </summary>
internal sealed class SharedFetches
{
    private readonly Dictionary<string, Flight> _flights = new(StringComparer.Ordinal);

    public async Task<FetchResult> JoinAsync(string key, Func<CancellationToken, Task<FetchResult>> load, CancellationToken ct)
    {
        Flight flight;
        lock (_flights)
        {
            if (!_flights.TryGetValue(key, out flight!) || flight.Abandoned)
            {
                flight = new Flight();
                _flights[key] = flight;
                // The load must not run in the flow of whichever verification started it: that verification's fetch
                // scope (budget, concurrency) would be charged for, and could fail, every other waiter's fetch.
                // Only the span of the verification that started it follows, so its fetch span has a parent (telemetry
                // only: nothing in an Activity reaches a verdict).
                var parent = Activity.Current;
                using (ExecutionContext.SuppressFlow())
                {
                    flight.Task = Task.Run(() =>
                    {
                        Activity.Current = parent;
                        return RunAsync(key, flight, load);
                    }, CancellationToken.None);
                }
            }

            flight.Waiters++;
        }

        try
        {
            return await flight.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            bool abandon;
            lock (_flights)
            {
                abandon = --flight.Waiters == 0 && !flight.Task.IsCompleted;
                if (abandon)
                {
                    flight.Abandoned = true;
                    _flights.Remove(key);
                }
            }

            if (abandon)
            {
                try
                {
                    await flight.Cancel.CancelAsync().ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    // The load finished between the check and the cancel: nothing left to stop.
                }
            }
        }
    }

    private async Task<FetchResult> RunAsync(string key, Flight flight, Func<CancellationToken, Task<FetchResult>> load)
    {
        try
        {
            return await load(flight.Cancel.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (_flights)
            {
                if (_flights.TryGetValue(key, out var current) && ReferenceEquals(current, flight))
                {
                    _flights.Remove(key);
                }
            }

            flight.Cancel.Dispose();
        }
    }

    private sealed class Flight
    {
        public CancellationTokenSource Cancel { get; } = new();

        public Task<FetchResult> Task { get; set; } = null!;

        public int Waiters { get; set; }

        public bool Abandoned { get; set; }
    }
}
