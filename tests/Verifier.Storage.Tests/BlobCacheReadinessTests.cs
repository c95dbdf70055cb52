using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Verifier.Core.Engine;

namespace Verifier.Storage.Tests;

/// <summary>The blob tier's line in /api/health/ready, against Azurite and against a client made to fail.</summary>
public sealed class BlobCacheReadinessTests
{
    [SkippableFact]
    public async Task CheckAsync_ContainerAnswers_Ok()
    {
        var container = Azurite.RequireContainer();
        await container.CreateAsync();
        try
        {
            var result = await new BlobCacheReadiness(container).CheckAsync(CancellationToken.None);

            Assert.Equal(ReadinessStatus.Ok, result.Status);
        }
        finally
        {
            await container.DeleteAsync();
        }
    }

    [SkippableFact]
    public async Task CheckAsync_ContainerNotCreatedYet_Degraded()
    {
        var result = await new BlobCacheReadiness(Azurite.RequireContainer()).CheckAsync(CancellationToken.None);

        Assert.Equal(ReadinessStatus.Degraded, result.Status);
    }

    [Fact]
    public async Task CheckAsync_StorageRefusesTheIdentity_FailedWithTheReason()
    {
        var container = new Mock<BlobContainerClient>();
        container.SetupGet(c => c.Name).Returns("verifier-cache");
        container.Setup(c => c.ExistsAsync(It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "This request is not authorized to perform this operation."));

        var result = await new BlobCacheReadiness(container.Object).CheckAsync(CancellationToken.None);

        Assert.Equal(ReadinessStatus.Failed, result.Status);
        Assert.Contains("not authorized", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AddVerifierBlobCache_Configured_AddsItsReadinessCheck()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Verifier:Cache:ConnectionString"] = Azurite.ConnectionString,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddVerifierEngine(configuration).AddVerifierBlobCache(configuration).BuildServiceProvider();

        Assert.Contains(services.GetServices<IReadinessCheck>(), c => c.Name == "blob-cache");
    }
}
