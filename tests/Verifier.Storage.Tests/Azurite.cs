using System.Net.Sockets;
using Azure.Storage.Blobs;

namespace Verifier.Storage.Tests;

/// <summary>
/// The local Azurite blob endpoint (.ci/steps/azurite.sh starts it on 127.0.0.1:10000 in CI). Tests that need it
/// call <see cref="RequireContainer"/> and are reported as skipped, with the reason, when it is not running.
/// </summary>
internal static class Azurite
{
    /// <summary>Azurite's well-known development account (public, documented; not a secret).</summary>
    public const string ConnectionString = "UseDevelopmentStorage=true";

    private static readonly Lazy<bool> Reachable = new(Probe);

    /// <summary>A fresh, uniquely named container client (not yet created), or a skip when Azurite is down.</summary>
    public static BlobContainerClient RequireContainer()
    {
        Skip.IfNot(Reachable.Value, "Azurite is not reachable on 127.0.0.1:10000 (run .ci/steps/azurite.sh); blob cache tests skipped");
        var name = "test-" + Guid.NewGuid().ToString("N");
        return Storage.StorageServiceCollectionExtensions.CreateContainerClient(new BlobCacheOptions
        {
            ConnectionString = ConnectionString,
            ContainerName = name,
        });
    }

    private static bool Probe()
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", 10000).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (Exception e) when (e is SocketException or AggregateException)
        {
            return false;
        }
    }
}
