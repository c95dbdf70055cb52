using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Verifier.Core.Fetching;
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
        services.AddHttpClient(GuardedFetcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedFetcher.CreateHandler(sp.GetRequiredService<IOptions<VerifierOptions>>().Value.Fetch))
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<GuardedFetcher>();
        services.TryAddSingleton<IDocumentFetcher>(sp => sp.GetRequiredService<GuardedFetcher>());
        services.TryAddSingleton<InputResolver>();
        services.TryAddSingleton<BadgeVerifier>();
        FamilyRegistrations.Add(services);
        return services;
    }
}
