using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Verifier.Storage.Jobs;

namespace Verifier.Functions;

/// <summary>
/// One batch of a job, from the storage account's queue: Flex Consumption adds instances as the queue grows. The
/// connection is the host's own identity-based AzureWebJobsStorage (its <c>__queueServiceUri</c>, <c>__credential</c>,
/// <c>__clientId</c> app settings); retries, the visibility timeout and the poison queue follow host.json's "queues".
/// A try that throws leaves the message to be redelivered; the processor's writes are idempotent (docs/jobs.md).
/// </summary>
public sealed class JobBatchFunction(IServiceProvider services)
{
    [Function(nameof(VerifyJobBatch))]
    public Task VerifyJobBatch(
        [QueueTrigger(JobQueue.Name, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken)
    {
        // Resolved here, not injected: without Verifier:Jobs the app still starts (its job routes answer 501) and a
        // message, which only a configured deployment can have enqueued, fails loudly instead.
        var processor = services.GetService<JobProcessor>()
            ?? throw new InvalidOperationException("Verifier:Jobs is not configured, so job messages cannot be processed");
        return processor.ProcessAsync(message, cancellationToken);
    }
}
