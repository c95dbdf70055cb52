using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Verifier.Core.Engine;

namespace Verifier.Core.Tests.TestSupport;

/// <summary>Builds the real engine (real fetcher, real HTTP) with loopback opened and hosts mapped to a test server.</summary>
public static class EngineFactory
{
    public static ServiceProvider Build(
        LoopbackServer? server = null,
        IEnumerable<string>? mappedHosts = null,
        TimeProvider? time = null,
        Action<VerifierOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));
        services.AddVerifierEngine();
        services.Configure<VerifierOptions>(o =>
        {
            o.Fetch.AllowLoopback = server is not null;
            if (server is not null)
            {
                foreach (var host in mappedHosts ?? [])
                {
                    o.Fetch.HostMap[host] = server.BaseUri.GetLeftPart(UriPartial.Authority);
                }
            }

            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }
}
