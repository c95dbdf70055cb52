using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Verifier.Local;

namespace Verifier.Hosts.Tests.TestSupport;

/// <summary>
/// The real local host on a real socket (Kestrel on 127.0.0.1, random port), with a small body limit so 413 is cheap
/// to provoke and loopback fetches allowed so GET ?url= can reach a <see cref="Core.Tests.TestSupport.LoopbackServer"/>.
/// </summary>
public class LocalHostFactory : WebApplicationFactory<LocalHostMarker>
{
    public const int MaxBodyBytes = 64 * 1024;

    private readonly Dictionary<string, string?> _settings;

    public LocalHostFactory()
        : this([])
    {
    }

    protected LocalHostFactory(Dictionary<string, string?> settings)
    {
        _settings = settings;
        Site = Ob2Site.StartAsync().GetAwaiter().GetResult();

        // The port comes from configuration (urls = 127.0.0.1:0, below), not from UseKestrel(port): with a minimal-API
        // host the application's own Run can start Kestrel before the factory rewrites the addresses of UseKestrel(0),
        // which then fails now and then ("Addresses cannot be modified after the server has started").
        UseKestrel();
        StartServer();
    }

    /// <summary>An OB 2.0 issuer that the host's fetcher reaches as https://issuer.example.</summary>
    public Ob2Site Site { get; }

    /// <summary>The address Kestrel actually listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>A plain HttpClient over the real socket: nothing in-memory between the test and Kestrel.</summary>
    public HttpClient CreateSocketClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.UseSetting("Verifier:Http:MaxBodyBytes", MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Verifier:Fetch:AllowLoopback", "true");
        builder.UseSetting($"Verifier:Fetch:HostMap:{Ob2Site.Host}", Site.MappedTo);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Site.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A test class against one shared <typeparamref name="THost"/> (an xunit class fixture), talking to it through a
/// plain HttpClient over the real socket.
/// </summary>
public abstract class SocketHostTests<THost>(THost host) : IClassFixture<THost>
    where THost : LocalHostFactory
{
    protected THost Host { get; } = host;

    protected HttpClient Client { get; } = host.CreateSocketClient();
}

/// <summary>The local host configured to allow one origin only.</summary>
public sealed class RestrictedCorsFactory() : LocalHostFactory(new() { ["Verifier:Http:AllowedOrigins:0"] = AllowedOrigin })
{
    public const string AllowedOrigin = "https://displayer.example";
}

/// <summary>The local host with a single verification slot and a short queue, to provoke 503.</summary>
public sealed class SingleSlotFactory() : LocalHostFactory(new()
{
    ["Verifier:Http:MaxConcurrentRequests"] = "1",
    ["Verifier:Http:QueueTimeout"] = "00:00:00.100",
});

/// <summary>The local host with small batch limits (items and bytes), so 413 is cheap to provoke.</summary>
public sealed class SmallBatchFactory() : LocalHostFactory(new()
{
    ["Verifier:Http:MaxBatchItems"] = "3",
    ["Verifier:Http:MaxBatchBytes"] = "4096",
    ["Verifier:Http:BatchParallelism"] = "2",
});
