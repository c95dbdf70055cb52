namespace Verifier.Core.Tests.Fetching;

/// <summary>Builds the real fetching stack (AddVerifierEngine) with test options; retries are fast so tests stay quick.</summary>
internal static class FetchTestHost
{
    public static ServiceProvider Build(
        Action<FetchOptions>? configure = null,
        IHostResolver? resolver = null,
        TimeProvider? time = null,
        IDocumentCacheStore? store = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time ?? TimeProvider.System);
        if (resolver is not null)
        {
            services.AddSingleton<IHostResolver>(resolver);
        }

        if (store is not null)
        {
            services.AddSingleton<IDocumentCacheStore>(store);
        }

        services.AddVerifierEngine();
        services.Configure<VerifierOptions>(o =>
        {
            o.Fetch.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            configure?.Invoke(o.Fetch);
        });
        return services.BuildServiceProvider();
    }

    public static GuardedFetcher Guarded(this IServiceProvider services) => services.GetRequiredService<GuardedFetcher>();

    public static IDocumentFetcher Fetcher(this IServiceProvider services) => services.GetRequiredService<IDocumentFetcher>();

    public static VerifierOptions Options(this IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<VerifierOptions>>().Value;
}

/// <summary>A resolver answering from a fixed table (never real DNS), counting lookups.</summary>
internal sealed class StaticResolver(Dictionary<string, IPAddress[]> table) : IHostResolver
{
    private int _lookups;

    public int Lookups => Volatile.Read(ref _lookups);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return table.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
    }
}
