namespace Verifier.Core.Tests.Conformance;

/// <summary>
/// Serves read-only ../shared fixtures from a loopback server under the hosts their documents name (example.org,
/// a.com, …): every host used is mapped to the server through FetchOptions.HostMap, so production fetch defaults
/// stay untouched. The server routes by path only, so each case gets its own site.
/// </summary>
public sealed class SharedFixtureSite : IAsyncDisposable
{
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);

    private SharedFixtureSite(LoopbackServer server, string root)
    {
        Server = server;
        Root = root;
    }

    public LoopbackServer Server { get; }

    public string Root { get; }

    public static async Task<SharedFixtureSite> StartAsync(string root) => new(await LoopbackServer.StartAsync(), root);

    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public byte[] Read(string relative) => File.ReadAllBytes(Path(relative));

    /// <summary>Serves a fixture file at an absolute URL (its host is mapped to this server).</summary>
    public SharedFixtureSite Serve(string url, string relative, int status = 200) => ServeBytes(url, Read(relative), ContentType(relative), status);

    public SharedFixtureSite ServeBytes(string url, byte[] body, string contentType, int status = 200)
    {
        var uri = new Uri(url);
        _hosts.Add(uri.Host);
        Server.MapBytes(uri.AbsolutePath, body, contentType, status);
        return this;
    }

    /// <summary>Maps a host without serving anything on it: every path answers 404 (an answer, not a network failure).</summary>
    public SharedFixtureSite Host(string host)
    {
        _hosts.Add(host);
        return this;
    }

    /// <summary>
    /// Verifies under the conformance profile by default: the fixtures' expected outcomes are the 1EdTech validator's,
    /// which reports every specification MUST as an error.
    /// </summary>
    public async Task<VerificationReport> VerifyAsync(VerificationInput input, string? recipient = null, VerificationProfile profile = VerificationProfile.Conformance)
    {
        using var sp = EngineFactory.Build(Server, _hosts);
        return await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = input, Recipient = recipient, Profile = profile });
    }

    private static string ContentType(string file) => System.IO.Path.GetExtension(file) switch
    {
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        ".jws" => "text/plain",
        ".pem" => "application/x-pem-file",
        _ => "application/ld+json",
    };

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
