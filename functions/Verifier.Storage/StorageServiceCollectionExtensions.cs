using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Verifier.Core.Engine;
using Verifier.Core.Engine.Settings;
using Verifier.Core.Fetching;

namespace Verifier.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the blob container under "Verifier:Cache" as the document cache's shared tier when configured:
    /// <c>BlobServiceUri</c> (managed identity through DefaultAzureCredential; <c>ManagedIdentityClientId</c> for a
    /// user-assigned identity) or, for Azurite, <c>ConnectionString</c>. Without either, nothing is registered and
    /// the in-memory cache works alone. The same account also serves local issuer registries kept as blobs
    /// (<see cref="BlobRegistryReader"/>, registry option <c>blob</c>).
    /// </summary>
    public static IServiceCollection AddVerifierBlobCache(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddVerifierSettings<BlobCacheOptions>(BlobCacheOptions.SectionName).Bind(configuration.GetSection(BlobCacheOptions.SectionName));
        var options = configuration.GetSection(BlobCacheOptions.SectionName).Get<BlobCacheOptions>() ?? new BlobCacheOptions();
        if (!options.IsConfigured)
        {
            return services;
        }

        services.TryAddSingleton(sp => CreateContainerClient(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BlobCacheOptions>>().Value));
        services.TryAddSingleton<IDocumentCacheStore>(sp => new BlobDocumentCacheStore(sp.GetRequiredService<BlobContainerClient>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, BlobCacheReadiness>());
        services.TryAddSingleton<Core.Registries.IRegistryBlobReader>(_ => new BlobRegistryReader(CreateServiceClient(options)));
        return services;
    }

    public static BlobContainerClient CreateContainerClient(BlobCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CreateServiceClient(options).GetBlobContainerClient(options.ContainerName);
    }

    /// <summary>The storage account's blob service: managed identity for a service URI, else the connection string.</summary>
    public static BlobServiceClient CreateServiceClient(BlobCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new BlobClientOptions();
        // A cache read sits in front of a fetch: a miss is cheaper than a retry, so storage calls are not retried.
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;

        return options.BlobServiceUri is { } uri
            ? new BlobServiceClient(uri, new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
            }), clientOptions)
            : new BlobServiceClient(options.ConnectionString, clientOptions);
    }
}
