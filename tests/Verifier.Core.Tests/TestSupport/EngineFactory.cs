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
        services.AddSingleton(ClockOnly.For(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero))));
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

    /// <summary>
    /// The engine with several logical hosts, each mapped to its own loopback base URL (one server per origin, so
    /// origins stay distinct the way they are on the internet).
    /// </summary>
    public static ServiceProvider Build(IReadOnlyDictionary<string, string> hostMap, TimeProvider time, Action<VerifierOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(ClockOnly.For(time));
        services.AddVerifierEngine();
        services.Configure<VerifierOptions>(o =>
        {
            o.Fetch.AllowLoopback = true;
            foreach (var (host, target) in hostMap)
            {
                o.Fetch.HostMap[host] = target;
            }

            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }
}
