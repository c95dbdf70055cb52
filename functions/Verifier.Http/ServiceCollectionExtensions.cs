using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verifier.Core.Engine;
using Verifier.Core.Engine.Settings;

namespace Verifier.Http;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the engine and the shared HTTP handlers, bound to configuration sections "Verifier" and "Verifier:Http".</summary>
    public static IServiceCollection AddVerifierHttp(this IServiceCollection services, IConfiguration? configuration = null)
    {
        services.AddVerifierEngine(configuration);
        var httpOptions = services.AddVerifierSettings<HttpOptions>(HttpOptions.SectionName);
        if (configuration is not null)
        {
            httpOptions.Bind(configuration.GetSection(HttpOptions.SectionName));
        }

        services.AddSingleton<CorsPolicy>();
        services.AddSingleton<RequestGate>();
        services.AddSingleton<VerifyHandler>();
        services.AddSingleton<BatchHandler>();
        // The job routes answer 501 unless a host registers an IJobService (Verifier.Storage's AddVerifierJobs).
        services.AddSingleton<Jobs.JobsHandler>();
        services.AddSingleton<Jobs.JobStatusHandler>();
        services.AddSingleton<Jobs.JobResultsHandler>();
        services.AddSingleton<UnbakeHandler>();
        services.AddSingleton<BakeHandler>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<ReadyHandler>();
        services.AddSingleton<OpenApiHandler>();
        return services;
    }
}
