using System.Net.Sockets;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// A small internet for attack tests: one real Kestrel server per origin — the real issuer <c>real.edu</c> (with an
/// open redirect at <c>/go?to=</c> and a multi-tenant area <c>/tenants/&lt;name&gt;/</c> where anyone may publish, as on
/// a shared badge platform), the forger <c>evil.example</c>, the look-alike <c>real.edu.evil.com</c> and a third-party
/// status host <c>status.example</c> — plus <c>down.example</c>, mapped to a closed port. Documents are published under
/// their logical URLs; the engine reaches them through <c>Fetch.HostMap</c>, so reports keep the logical names.
/// </summary>
public sealed class AttackLab : IAsyncDisposable
{
    public const string RealHost = "real.edu";
    public const string Real = "https://real.edu";
    public const string EvilHost = "evil.example";
    public const string Evil = "https://evil.example";
    public const string LookAlikeHost = "real.edu.evil.com";
    public const string LookAlike = "https://real.edu.evil.com";
    public const string StatusHost = "status.example";
    public const string StatusOrigin = "https://status.example";
    public const string DownHost = "down.example";
    public const string Down = "https://down.example";

    /// <summary>The verifier's clock: every report is judged at this instant unless a request says otherwise.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, LoopbackServer> _sites;
    private readonly Dictionary<string, string> _hostMap;

    private AttackLab(Dictionary<string, LoopbackServer> sites, int closedPort)
    {
        _sites = sites;
        _hostMap = sites.ToDictionary(s => s.Key, s => s.Value.BaseUri.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase);
        _hostMap[DownHost] = $"http://127.0.0.1:{closedPort}";
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public static async Task<AttackLab> StartAsync()
    {
        var sites = new Dictionary<string, LoopbackServer>(StringComparer.OrdinalIgnoreCase);
        foreach (var host in (string[])[RealHost, EvilHost, LookAlikeHost, StatusHost])
        {
            sites[host] = await LoopbackServer.StartAsync();
        }

        // The real issuer's site has an open redirect, as many sites do (login "return to" links, link shorteners).
        sites[RealHost].Map("/go", ctx =>
        {
            ctx.Response.StatusCode = 302;
            ctx.Response.Headers.Location = ctx.Request.Query["to"].ToString();
            return Task.CompletedTask;
        });
        return new AttackLab(sites, ClosedPort());
    }

    /// <summary>https://real.edu/go?to=target: real.edu answers 302 to any URL.</summary>
    public static string OpenRedirect(string target) => Real + "/go?to=" + Uri.EscapeDataString(target);

    /// <summary>A URL in real.edu's multi-tenant area, where any customer of the platform publishes files.</summary>
    public static string Tenant(string name, string path) => $"{Real}/tenants/{name}{path}";

    public LoopbackServer Site(string host) => _sites[host];

    public void Serve(string url, JsonNode document, int status = 200, string contentType = "application/ld+json") =>
        ServeText(url, document.ToJsonString(), contentType, status);

    public void ServeText(string url, string body, string contentType, int status = 200)
    {
        var (site, path) = Locate(url);
        site.MapJson(path, body, status, contentType);
    }

    public void ServeBytes(string url, byte[] body, string contentType)
    {
        var (site, path) = Locate(url);
        site.MapBytes(path, body, contentType);
    }

    /// <summary>Answers a bare status code (404, 500, 503…) at the URL.</summary>
    public void ServeStatus(string url, int status)
    {
        var (site, path) = Locate(url);
        site.MapStatus(path, status);
    }

    /// <summary>The URL answers a redirect to another logical URL (possibly on another origin).</summary>
    public void Redirect(string url, string location, int status = 302)
    {
        var (site, path) = Locate(url);
        site.MapRedirect(path, location, status);
    }

    /// <summary>Requests that reached the URL's path on its origin (query strings are not told apart).</summary>
    public int Hits(string url)
    {
        var (site, path) = Locate(url);
        return site.Hits(path);
    }

    /// <summary>A fresh engine (own caches) wired to every site; retries are off so 5xx answers are quick.</summary>
    public ServiceProvider Engine(Action<VerifierOptions>? configure = null) =>
        EngineFactory.Build(_hostMap, Clock, o =>
        {
            o.Fetch.RetryCount = 0;
            configure?.Invoke(o);
        });

    public async Task<VerificationReport> VerifyAsync(VerificationRequest request, Action<VerifierOptions>? configure = null)
    {
        using var engine = Engine(configure);
        return await engine.GetRequiredService<BadgeVerifier>().VerifyAsync(request);
    }

    public Task<VerificationReport> TextAsync(string text, IssuerPolicy? policy = null, string? recipient = null, DateTimeOffset? at = null, Action<VerifierOptions>? configure = null) =>
        VerifyAsync(Request(VerificationInput.FromText(text), policy, recipient, at), configure);

    public Task<VerificationReport> UrlAsync(string url, IssuerPolicy? policy = null, string? recipient = null) =>
        VerifyAsync(Request(VerificationInput.FromUrl(new Uri(url)), policy, recipient, null));

    public Task<VerificationReport> BytesAsync(byte[] bytes, IssuerPolicy? policy = null, string? recipient = null) =>
        VerifyAsync(Request(VerificationInput.FromBytes(bytes), policy, recipient, null));

    public static VerificationRequest Request(VerificationInput input, IssuerPolicy? policy = null, string? recipient = null, DateTimeOffset? at = null) =>
        new() { Input = input, Policy = policy, Recipient = recipient, At = at };

    public async ValueTask DisposeAsync()
    {
        foreach (var site in _sites.Values)
        {
            await site.DisposeAsync();
        }
    }

    private (LoopbackServer Site, string Path) Locate(string url)
    {
        var uri = new Uri(url);
        return (_sites[uri.Host], uri.AbsolutePath);
    }

    /// <summary>A loopback port nothing listens on: connecting is refused at once (a network failure, not an answer).</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
