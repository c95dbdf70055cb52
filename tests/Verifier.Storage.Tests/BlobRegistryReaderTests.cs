using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Verifier.Core.Registries;

namespace Verifier.Storage.Tests;

/// <summary>A local issuer registry kept as a blob, read through the storage client (Azurite; skipped without it).</summary>
public sealed class BlobRegistryReaderTests
{
    private const string Did = "did:key:z6MkListedInABlob";

    [Fact]
    public void AddVerifierBlobCache_Configured_RegistersTheBlobRegistryReader()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Verifier:Cache:BlobServiceUri"] = "https://stverifier.blob.core.windows.net",
        }).Build();
        using var services = new ServiceCollection().AddVerifierBlobCache(configuration).BuildServiceProvider();

        Assert.IsType<BlobRegistryReader>(services.GetRequiredService<IRegistryBlobReader>());
    }

    [SkippableFact]
    public async Task LookUpAsync_RegistryBlob_ListsItsEntries_AndAMissingBlobIsUnchecked()
    {
        var container = Azurite.RequireContainer();
        await container.CreateIfNotExistsAsync();
        try
        {
            await container.GetBlobClient("lists/partners.json").UploadAsync(BinaryData.FromString(
                "{\"registry\":{\"" + Did + "\":{\"name\":\"Blob Partner\"}}}"));
            var reader = new BlobRegistryReader(StorageServiceCollectionExtensions.CreateServiceClient(new BlobCacheOptions { ConnectionString = Azurite.ConnectionString }));
            var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
            var present = LocalRegistry.FromBlob("Partners", container.Name + "/lists/partners.json", reader, time);
            var absent = LocalRegistry.FromBlob("Gone", container.Name + "/lists/none.json", reader, time);
            var identity = RegistryIdentity.Normalize(Did)!.Value;

            var listed = await present.LookUpAsync(identity, default);
            var missing = await absent.LookUpAsync(identity, default);

            Assert.Equal(RegistryStatus.Listed, listed.Status);
            Assert.Equal("Blob Partner", listed.Listing!.Name);
            Assert.Equal(RegistryStatus.Unchecked, missing.Status);
            Assert.Contains("does not exist", missing.Note, StringComparison.Ordinal);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [SkippableFact]
    public async Task ReadAsync_NameWithoutContainer_SaysSo()
    {
        var container = Azurite.RequireContainer();
        var reader = new BlobRegistryReader(StorageServiceCollectionExtensions.CreateServiceClient(new BlobCacheOptions { ConnectionString = Azurite.ConnectionString }));

        var read = await reader.ReadAsync("partners.json", default);

        Assert.Null(read.Body);
        Assert.Contains("container/name", read.Error, StringComparison.Ordinal);
    }
}
