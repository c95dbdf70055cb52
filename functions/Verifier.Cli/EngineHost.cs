using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verifier.Core.Engine;

namespace Verifier.Cli;

/// <summary>The engine with configuration from the environment (Verifier__Fetch__AllowLoopback, Verifier__Contexts__Path, …).</summary>
internal static class EngineHost
{
    public static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddVerifierEngine(configuration);
        return services.BuildServiceProvider();
    }
}
