namespace Verifier.Core.Tests.Fetching;

/// <summary>The conformance seam: fixtures served under their original hosts, only when loopback is opted in.</summary>
public sealed class HostMapTests
{
    [Fact]
    public async Task FetchAsync_MappedHostWithLoopbackAllowed_IsServedByLoopbackUnderOriginalUrl()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/badges/1.json", "{\"id\":\"https://example.org/badges/1.json\"}");
        using var services = FetchTestHost.Build(o =>
        {
            o.AllowLoopback = true;
            o.HostMap["example.org"] = server.BaseUri.GetLeftPart(UriPartial.Authority);
        });
        var url = new Uri("https://example.org/badges/1.json");

        var result = await services.Fetcher().FetchAsync(url, FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(url, result.FinalUrl);
        Assert.Equal(1, server.Hits("/badges/1.json"));
    }

    [Fact]
    public async Task FetchAsync_MappedHostWithoutLoopback_IsIgnored()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/x.json", "{}");
        var resolver = new StaticResolver(new() { ["example.org"] = [IPAddress.Parse("10.20.30.40")] });
        using var services = FetchTestHost.Build(o =>
        {
            o.AllowLoopback = false;
            o.HostMap["example.org"] = server.BaseUri.GetLeftPart(UriPartial.Authority);
        }, resolver);

        var result = await services.Fetcher().FetchAsync(new Uri("http://example.org/x.json"), FetchKind.Document, CancellationToken.None);

        // The map is not used, so the real name is resolved (here to a refused address): the seam opens nothing.
        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Equal(0, server.Hits("/x.json"));
        Assert.Equal(1, resolver.Lookups);
    }

    [Fact]
    public async Task FetchAsync_MappedToPrivateTarget_IsStillRefused()
    {
        using var services = FetchTestHost.Build(o =>
        {
            o.AllowLoopback = true;
            o.HostMap["example.org"] = "http://10.0.0.7:8080";
        });

        var result = await services.Fetcher().FetchAsync(new Uri("http://example.org/x.json"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Refused, result.Status);
    }

    [Fact]
    public async Task FetchAsync_RedirectBetweenMappedHosts_IsFollowed()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/old", ctx =>
        {
            ctx.Response.StatusCode = 301;
            ctx.Response.Headers.Location = "https://issuer.example/new";
            return Task.CompletedTask;
        });
        server.MapJson("/new", "{}");
        var target = server.BaseUri.GetLeftPart(UriPartial.Authority);
        using var services = FetchTestHost.Build(o =>
        {
            o.AllowLoopback = true;
            o.HostMap["example.org"] = target;
            o.HostMap["issuer.example"] = target;
        });

        var result = await services.Fetcher().FetchAsync(new Uri("https://example.org/old"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(new Uri("https://issuer.example/new"), result.FinalUrl);
    }
}
