namespace Verifier.Core.Engine;

public static class ClockedWait
{
    /// <summary>
    /// <see cref="SemaphoreSlim.WaitAsync(TimeSpan, CancellationToken)"/> with the timeout on <paramref name="time"/>,
    /// like every other timer of the verifier: false when no slot freed up in time; the caller's cancellation throws.
    /// </summary>
    public static async Task<bool> WaitAsync(this SemaphoreSlim semaphore, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(semaphore);
        if (semaphore.Wait(0, CancellationToken.None))
        {
            return true;
        }

        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await semaphore.WaitAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
