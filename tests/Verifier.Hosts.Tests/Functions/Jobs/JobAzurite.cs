using System.Net.Sockets;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Verifier.Storage.Jobs;

namespace Verifier.Hosts.Tests.Functions.Jobs;

/// <summary>
/// Azurite's blob (10000) and queue (10001) services, which .ci/steps/azurite.sh starts. Each test gets its own container
/// and queue, so tests running at once never take each other's messages; the function's trigger names the fixed
/// <see cref="JobQueue.Name"/>, which the tests stand in for.
/// </summary>
internal static class JobAzurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    private static readonly Lazy<bool> Reachable = new(() => Probe(10000) && Probe(10001));

    public static (BlobContainerClient Container, QueueClient Queue) Require()
    {
        Skip.IfNot(Reachable.Value, "Azurite blob and queue services are not reachable on 127.0.0.1:10000/10001 (run .ci/steps/azurite.sh); job tests skipped");
        var name = "job-test-" + Guid.NewGuid().ToString("N")[..20];
        var container = JobRegistration.CreateContainerClient(new JobOptions { ConnectionString = ConnectionString, ContainerName = name });
        var queue = new QueueClient(ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        return (container, queue);
    }

    private static bool Probe(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (Exception e) when (e is SocketException or AggregateException)
        {
            return false;
        }
    }
}
