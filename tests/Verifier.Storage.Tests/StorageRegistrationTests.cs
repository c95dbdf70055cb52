using System.Text;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;

namespace Verifier.Storage.Tests;

public sealed class StorageRegistrationTests
{
    [Fact]
    public void VerifierCore_ReferencesNoAzurePackage()
    {
        var references = typeof(GuardedFetcher).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, name => name.StartsWith("Azure", StringComparison.Ordinal));
    }

    [Fact]
    public void AddVerifierBlobCache_NotConfigured_RegistersNoStore()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.Null(services.GetService<IDocumentCacheStore>());
        Assert.IsType<CachingDocumentFetcher>(services.GetRequiredService<IDocumentFetcher>());
    }

    [Fact]
    public void AddVerifierBlobCache_ServiceUri_UsesManagedIdentityClientForThatAccount()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Verifier:Cache:BlobServiceUri"] = "https://stverifier.blob.core.windows.net",
            ["Verifier:Cache:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
            ["Verifier:Cache:ContainerName"] = "doc-cache",
        });

        var store = Assert.IsType<BlobDocumentCacheStore>(services.GetRequiredService<IDocumentCacheStore>());

        Assert.Equal(new Uri("https://stverifier.blob.core.windows.net/doc-cache"), store.Container.Uri);
        Assert.False(store.Container.CanGenerateSasUri); // a token credential, not a shared key
    }

    [SkippableFact]
    public async Task AddVerifierBlobCache_ConnectionString_FetchedDocumentsSurviveARestart()
    {
        var container = Azurite.RequireContainer();
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/issuer.json", async ctx =>
        {
            ctx.Response.Headers.CacheControl = "max-age=600";
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"type\":\"Profile\"}");
        });
        var settings = new Dictionary<string, string?>
        {
            ["Verifier:Cache:ConnectionString"] = Azurite.ConnectionString,
            ["Verifier:Cache:ContainerName"] = container.Name,
            ["Verifier:Fetch:AllowLoopback"] = "true",
        };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        try
        {
            using (var first = Build(settings, time))
            {
                await first.GetRequiredService<IDocumentFetcher>().FetchAsync(server.Url("/issuer.json"), FetchKind.Document, CancellationToken.None);
            }

            // The store write runs in the background (it must not delay the verification): wait until it landed.
            var blob = container.GetBlobClient(BlobDocumentCacheStore.BlobName(CachedDocument.KeyFor(server.Url("/issuer.json"), FetchKind.Document)));
            for (var i = 0; i < 300 && !(await blob.ExistsAsync()).Value; i++)
            {
                await Task.Delay(100);
            }

            using var second = Build(settings, time);
            var result = await second.GetRequiredService<IDocumentFetcher>().FetchAsync(server.Url("/issuer.json"), FetchKind.Document, CancellationToken.None);

            Assert.True(result.FromCache);
            Assert.Equal("{\"type\":\"Profile\"}", Encoding.UTF8.GetString(result.Body.Span));
            Assert.Equal(1, server.Hits("/issuer.json"));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddVerifierEngine(configuration);
        services.AddVerifierBlobCache(configuration);
        return services.BuildServiceProvider();
    }
}
