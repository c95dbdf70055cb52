using Azure;
using Azure.Storage.Blobs;
using Verifier.Core.Engine;

namespace Verifier.Storage;

/// <summary>
/// Readiness of the blob tier: the container answers with this instance's identity. Verification would go on from
/// the network without it, but the deployment is not as configured: failed, so that the availability test shows a lost
/// role assignment or a firewall change within minutes.
/// </summary>
internal sealed class BlobCacheReadiness(BlobContainerClient container) : IReadinessCheck
{
    public string Name => "blob-cache";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var exists = await container.ExistsAsync(cancellationToken).ConfigureAwait(false);
            return exists.Value
                ? ReadinessResult.Ok($"container {container.Name} reachable")
                : ReadinessResult.Degraded($"container {container.Name} does not exist yet (created on first write)");
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or Azure.Identity.AuthenticationFailedException or TimeoutException)
        {
            return ReadinessResult.Failed($"container {container.Name}: {e.Message.Split('\n')[0]}");
        }
    }
}
