using Microsoft.Extensions.Options;

namespace Verifier.Hosts.Tests.Local;

/// <summary>The gate's counter and its waiters, without a host: never more holders than slots, and waiters get freed slots.</summary>
public sealed class RequestGateCounterTests
{
    [Fact]
    public async Task EnterAsync_ManyConcurrentRequests_NeverMoreHoldersThanSlots()
    {
        using var gate = new RequestGate(Options.Create(new HttpOptions { MaxConcurrentRequests = 2, QueueTimeout = TimeSpan.FromSeconds(30) }));
        var holders = 0;
        var most = 0;

        async Task<bool> OneAsync()
        {
            using var lease = await gate.EnterAsync(CancellationToken.None);
            if (lease is null)
            {
                return false;
            }

            var now = Interlocked.Increment(ref holders);
            InterlockedMax(ref most, now);
            await Task.Delay(1);
            Interlocked.Decrement(ref holders);
            return true;
        }

        var entered = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(OneAsync)));

        Assert.All(entered, Assert.True);
        Assert.InRange(most, 1, 2);
    }

    [Fact]
    public async Task EnterAsync_NoSlotFreesInTime_ReturnsNullThenServesAfterRelease()
    {
        using var gate = new RequestGate(Options.Create(new HttpOptions { MaxConcurrentRequests = 1, QueueTimeout = TimeSpan.FromMilliseconds(50) }));
        var held = await gate.EnterAsync(CancellationToken.None);

        var refused = await gate.EnterAsync(CancellationToken.None);
        held!.Dispose();
        using var next = await gate.EnterAsync(CancellationToken.None);

        Assert.Null(refused);
        Assert.NotNull(next);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
