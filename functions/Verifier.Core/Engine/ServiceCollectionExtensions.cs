using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Verifier.Core.Caching;
using Verifier.Core.Engine.Settings;
using Verifier.Core.Fetching;
using Verifier.Core.Images;
using Verifier.Core.Input;
using Verifier.Core.Proofs;
using Verifier.Core.Telemetry;

namespace Verifier.Core.Engine;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine, its guarded fetcher and caches, bound to configuration section "Verifier" and validated
    /// when the host starts (docs/configuration.md).
    /// </summary>
    public static IServiceCollection AddVerifierEngine(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var verifierOptions = services.AddVerifierSettings<VerifierOptions>(VerifierOptions.SectionName);
        if (configuration is not null)
        {
            verifierOptions.Bind(configuration.GetSection(VerifierOptions.SectionName));
        }

        var dataIntegrityOptions = services.AddVerifierSettings<DataIntegrityOptions>(DataIntegrityOptions.SectionName);
        if (configuration is not null)
        {
            dataIntegrityOptions.Bind(configuration.GetSection(DataIntegrityOptions.SectionName));
        }

        services.TryAddSingleton(TimeProvider.System);
        // Hosts may use the shared IMemoryCache as they like; the engine keeps its entries in its own sized caches.
        services.AddMemoryCache();
        services.TryAddSingleton<EngineCache>();
        services.AddMetrics();
        services.TryAddSingleton<VerifierMetrics>();
        services.TryAddSingleton<VerificationTelemetry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReadinessCheck, PinnedContextsReadiness>());
        AddFetching(services);
        services.TryAddSingleton<InputResolver>();
        services.TryAddSingleton<BadgeImageEmbedder>();
        services.TryAddSingleton<BadgeVerifier>();
        services.TryAddSingleton<Batch.BatchRunner>();
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
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            // The factory's logging handlers write every request's full URL: a badge URL's path or query can name its
            // earner or carry a token. GuardedFetcher's span and metrics say what is needed, by host.
            .RemoveAllLoggers();
        services.TryAddSingleton<GuardedFetcher>();
        services.TryAddSingleton(sp => new CachingDocumentFetcher(
            sp.GetRequiredService<GuardedFetcher>(),
            sp.GetRequiredService<IOptions<VerifierOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IDocumentCacheStore>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<CachingDocumentFetcher>>(),
            sp.GetService<VerifierMetrics>()));
        services.TryAddSingleton<IDocumentFetcher>(sp => sp.GetRequiredService<CachingDocumentFetcher>());
    }
}
