using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Verifier.Core.Fetching;
using Verifier.Core.Images;
using Verifier.Core.Input;

namespace Verifier.Core.Engine;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the engine, its guarded fetcher and cache, bound to configuration section "Verifier".</summary>
    public static IServiceCollection AddVerifierEngine(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<VerifierOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(VerifierOptions.SectionName));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        AddFetching(services);
        services.TryAddSingleton<InputResolver>();
        services.TryAddSingleton<BadgeImageEmbedder>();
        services.TryAddSingleton<BadgeVerifier>();
        FamilyRegistrations.Add(services);
        return services;
    }

    /// <summary>
    /// The guarded fetcher behind the caching decorator (docs/fetching.md). An <see cref="IDocumentCacheStore"/>
    /// registered by the host (e.g. Verifier.Storage's blob cache) becomes the cache's second tier.
    /// </summary>
    private static void AddFetching(IServiceCollection services)
    {
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.AddHttpClient(GuardedFetcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => FetchHandlerFactory.Create(
                sp.GetRequiredService<IOptions<VerifierOptions>>().Value.Fetch, sp.GetRequiredService<IHostResolver>()))
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<GuardedFetcher>();
        services.TryAddSingleton(sp => new CachingDocumentFetcher(
            sp.GetRequiredService<GuardedFetcher>(),
            sp.GetRequiredService<IOptions<VerifierOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IDocumentCacheStore>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<CachingDocumentFetcher>>()));
        services.TryAddSingleton<IDocumentFetcher>(sp => sp.GetRequiredService<CachingDocumentFetcher>());
    }
}
