using System.Text;
using Azure.Storage.Blobs;
using Verifier.Core.Fetching;

namespace Verifier.Storage.Tests;

/// <summary>The blob store against a real Azurite blob service.</summary>
public sealed class BlobDocumentCacheStoreTests
{
    private static readonly DateTimeOffset Expiry = new(2026, 6, 1, 12, 5, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task SetAsync_ThenGetAsync_RoundTripsBodyStatusTypeAndExpiry()
    {
        var container = Azurite.RequireContainer();
        try
        {
            var store = new BlobDocumentCacheStore(container);
            var key = CachedDocument.KeyFor(new Uri("https://example.org/badges/1.json"), FetchKind.Document);
            var document = new CachedDocument(FetchStatus.Ok, 200, "application/ld+json", new Uri("https://example.org/final.json"),
                Encoding.UTF8.GetBytes("{\"id\":\"x\"}"), Expiry);

            await store.SetAsync(key, document, CancellationToken.None);
            var read = await store.GetAsync(key, CancellationToken.None);

            Assert.NotNull(read);
            Assert.Equal(FetchStatus.Ok, read!.Status);
            Assert.Equal(200, read.HttpStatusCode);
            Assert.Equal("application/ld+json", read.ContentType);
            Assert.Equal(new Uri("https://example.org/final.json"), read.FinalUrl);
            Assert.Equal("{\"id\":\"x\"}", Encoding.UTF8.GetString(read.Body.Span));
            Assert.Equal(Expiry, read.ExpiresAt);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [SkippableFact]
    public async Task GetAsync_MissingEntry_ReturnsNull()
    {
        var container = Azurite.RequireContainer();
        try
        {
            await container.CreateIfNotExistsAsync();
            var store = new BlobDocumentCacheStore(container);

            Assert.Null(await store.GetAsync("Document|https://example.org/none", CancellationToken.None));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [SkippableFact]
    public async Task GetAsync_ContainerMissing_ReturnsNullAndSetCreatesIt()
    {
        var container = Azurite.RequireContainer();
        try
        {
            var store = new BlobDocumentCacheStore(container);
            var key = "StatusList|https://example.org/status/1";

            var before = await store.GetAsync(key, CancellationToken.None);
            await store.SetAsync(key, new CachedDocument(FetchStatus.HttpError, 410, null, null, ReadOnlyMemory<byte>.Empty, Expiry), CancellationToken.None);
            var after = await store.GetAsync(key, CancellationToken.None);

            Assert.Null(before);
            Assert.True((await container.ExistsAsync()).Value);
            Assert.Equal(FetchStatus.HttpError, after!.Status);
            Assert.Equal(410, after.HttpStatusCode);
            Assert.True(after.Body.IsEmpty);
            Assert.Null(after.FinalUrl);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [SkippableFact]
    public async Task SetAsync_KeyWithAnyCharacters_RoundTrips()
    {
        var container = Azurite.RequireContainer();
        try
        {
            var store = new BlobDocumentCacheStore(container);
            var key = CachedDocument.KeyFor(new Uri("https://bücher.example/ä b/\u00e9?q=\"x\"&r=%0d%0a"), FetchKind.Image);
            var document = new CachedDocument(FetchStatus.Ok, 200, "image/png", new Uri("https://bücher.example/ä"), new byte[] { 0x89, 0x50 }, Expiry);

            await store.SetAsync(key, document, CancellationToken.None);
            var read = await store.GetAsync(key, CancellationToken.None);

            Assert.Equal(new byte[] { 0x89, 0x50 }, read!.Body.ToArray());
            Assert.Equal(document.FinalUrl, read.FinalUrl);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [SkippableFact]
    public async Task GetAsync_BlobWrittenForAnotherKey_IsAMiss()
    {
        var container = Azurite.RequireContainer();
        try
        {
            await container.CreateIfNotExistsAsync();
            var store = new BlobDocumentCacheStore(container);
            var key = "Document|https://example.org/a";

            // A blob at this key's name that this store did not write for this key (foreign or colliding).
            await container.GetBlobClient(BlobDocumentCacheStore.BlobName(key)).UploadAsync(BinaryData.FromString("{}"));

            Assert.Null(await store.GetAsync(key, CancellationToken.None));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }
}
