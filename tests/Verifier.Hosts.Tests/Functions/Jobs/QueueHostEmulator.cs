using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Verifier.Functions;

namespace Verifier.Hosts.Tests.Functions.Jobs;

/// <summary>
/// What the Functions host does with a queue trigger, on a real Azurite queue: receive messages under a visibility
/// timeout, call the function class, delete the message when the call returns, leave it to reappear when it throws,
/// and move it to the poison queue after <see cref="MaxDequeueCount"/> tries (host.json "queues"). The worker itself
/// cannot run here (no Functions host), so this drives the same class the host would.
/// </summary>
internal sealed class QueueHostEmulator(QueueClient queue, JobBatchFunction function)
{
    /// <summary>As host.json: five tries, then the poison queue.</summary>
    public const int MaxDequeueCount = 5;

    /// <summary>Short here so that a failed try comes back quickly; host.json's visibilityTimeout is the real delay.</summary>
    public static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(1);

    public int Failures { get; private set; }

    public int Processed { get; private set; }

    public List<string> Poisoned { get; } = [];

    /// <summary>Runs until <paramref name="done"/> says so, or the timeout passes; up to <paramref name="parallelism"/> messages at once (host.json batchSize).</summary>
    public async Task RunUntilAsync(Func<Task<bool>> done, TimeSpan timeout, int parallelism = 16)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!await done())
        {
            cts.Token.ThrowIfCancellationRequested();
            QueueMessage[] messages = (await queue.ReceiveMessagesAsync(Math.Min(32, parallelism), VisibilityTimeout, cts.Token)).Value;
            if (messages.Length == 0)
            {
                await Task.Delay(100, cts.Token);
                continue;
            }

            await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cts.Token }, async (message, ct) =>
            {
                try
                {
                    await function.VerifyJobBatch(message.MessageText, ct);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                    lock (Poisoned)
                    {
                        Processed++;
                    }
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    lock (Poisoned)
                    {
                        Failures++;
                        if (message.DequeueCount >= MaxDequeueCount)
                        {
                            Poisoned.Add(message.MessageText);
                        }
                    }

                    if (message.DequeueCount >= MaxDequeueCount)
                    {
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                    }
                }
            });
        }
    }
}
