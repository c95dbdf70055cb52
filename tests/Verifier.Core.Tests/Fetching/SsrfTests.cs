namespace Verifier.Core.Tests.Fetching;

/// <summary>
/// Addresses and redirect chains that must be refused (docs/fetching.md). A real listener on this machine records
/// every connection it accepts: nothing refused may reach it. Non-loopback targets are refused by policy before any
/// socket is opened (literal addresses by <see cref="UrlPolicy"/>, names through the resolver seam), so these tests
/// never send traffic off the machine.
/// </summary>
public sealed class SsrfTests
{
    private static readonly Dictionary<string, IPAddress[]> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["metadata.test"] = [IPAddress.Parse("169.254.169.254")],
        ["internal.test"] = [IPAddress.Parse("10.0.0.1")],
        ["loopback.test"] = [IPAddress.Loopback],
        ["ula.test"] = [IPAddress.Parse("fd00::1")],
        ["mapped.test"] = [IPAddress.Parse("::ffff:192.168.0.1")],
        ["all-private.test"] = [IPAddress.Parse("10.1.2.3"), IPAddress.Parse("172.16.0.5"), IPAddress.Parse("fe80::1")],
    };

    public static TheoryData<string> DirectTargets => new()
    {
        // loopback, in every spelling System.Uri or the resolver accepts ({port} = the recording listener)
        "http://127.0.0.1:{port}/",
        "http://127.0.0.2:{port}/",
        "http://localhost:{port}/",
        "http://2130706433:{port}/",
        "http://0177.0.0.1:{port}/",
        "http://0x7f.1:{port}/",
        "http://0x7f000001:{port}/",
        "http://127.1:{port}/",
        "http://017700000001:{port}/",
        "http://0x7f.0x0.0x0.0x1:{port}/",
        "http://127.000.000.001:{port}/",
        "http://127.0.0.1.:{port}/",
        "http://0x7f.0.0.1.:{port}/",
        "http://\u2460\u2461\u2466.0.0.1:{port}/",
        "http://127\u30020\u30020\u30021:{port}/",
        "http://[::1]:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://[::ffff:7f00:1]:{port}/",
        "http://[0:0:0:0:0:ffff:127.0.0.1]:{port}/",
        "http://[::127.0.0.1]:{port}/",
        "http://[::ffff:0:127.0.0.1]:{port}/",
        "http://[64:ff9b::127.0.0.1]:{port}/",
        "http://0.0.0.0:{port}/",
        "http://0:{port}/",
        "http://[::]:{port}/",
        // userinfo tricks: looks like one host, goes to another
        "http://example.org@127.0.0.1:{port}/",
        "http://user:secret@127.0.0.1:{port}/",
        "http://127.0.0.1:{port}@example.org/",
        // private, link-local, metadata, CGNAT, multicast, broadcast: literal and spelled
        "http://10.0.0.1/",
        "http://0xa000001/",
        "http://012.0.0.1/",
        "http://172.16.0.1/",
        "http://172.31.255.255/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://2852039166/latest/meta-data/",
        "http://0251.0376.0251.0376/latest/meta-data/",
        "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://[fe80::1]/",
        "http://[fe80::1%25eth0]/",
        "http://[fc00::1]/",
        "http://[fec0::1]/",
        "http://224.0.0.1/",
        "http://[ff02::1]/",
        "http://255.255.255.255/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b::a00:1]/",
        "http://[64:ff9b:1::a00:1]/",
        "http://[2002:a00:1::]/",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
        // names resolving to refused addresses (the attacker controls DNS)
        "http://metadata.test/",
        "http://internal.test/",
        "http://loopback.test:{port}/",
        "http://ula.test/",
        "http://mapped.test/",
        "http://all-private.test/",
        // other schemes
        "file:///etc/passwd",
        "ftp://127.0.0.1:{port}/",
        "gopher://127.0.0.1:{port}/_GET",
        "ws://127.0.0.1:{port}/",
        "data:application/json,{}",
    };

    public static TheoryData<string> RedirectTargets => new()
    {
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://2852039166/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "http://[::127.0.0.1]:{port}/",
        "http://[fd00::1]/",
        "http://192.168.0.1:8080/admin",
        "//10.0.0.1/scheme-relative",
        "http://metadata.test/",
        "http://user@127.0.0.1:{port}/",
        "file:///etc/passwd",
        "gopher://127.0.0.1:{port}/_x",
    };

    [Theory]
    [MemberData(nameof(DirectTargets))]
    public async Task FetchAsync_RefusedDestination_IsRefusedAndNeverReached(string template)
    {
        await using var recorder = RawServer.Recorder();
        using var services = FetchTestHost.Build(resolver: new ResolverWithLocalhost(Names));
        var url = new Uri(template.Replace("{port}", recorder.Port.ToString(), StringComparison.Ordinal));

        var result = await services.Guarded().FetchAsync(url, FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Null(result.HttpStatusCode);
        Assert.Contains("never fetched", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, recorder.Accepted);
    }

    [Theory]
    [MemberData(nameof(RedirectTargets))]
    public async Task FetchAsync_RedirectToRefusedDestination_IsRefusedAtThatHop(string template)
    {
        await using var recorder = RawServer.Recorder();
        await using var server = await LoopbackServer.StartAsync();
        var target = template.Replace("{port}", recorder.Port.ToString(), StringComparison.Ordinal);
        server.Map("/start", ctx => Redirect(ctx, 302, "/middle"));
        server.Map("/middle", ctx => Redirect(ctx, 307, target));

        // Loopback is opened for the first hops only; private ranges and embedded forms stay closed.
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, new ResolverWithLocalhost(Names));
        var result = await services.Guarded().FetchAsync(server.Url("/start"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("never fetched", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Hits("/middle"));
        Assert.Equal(0, recorder.Accepted);
    }

    [Fact]
    public async Task FetchAsync_NameWithPublicAndLoopbackAddresses_ConnectsOnlyToAllowedOne()
    {
        await using var recorder = RawServer.Recorder();
        var resolver = new StaticResolver(new() { ["mixed.test"] = [IPAddress.Parse("10.9.9.9"), IPAddress.Loopback] });
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, resolver);

        var result = await services.Guarded().FetchAsync(new Uri($"http://mixed.test:{recorder.Port}/"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(1, recorder.Accepted);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/")]
    [InlineData("http://[::1]:{port}/")]
    [InlineData("http://localhost:{port}/")]
    public async Task FetchAsync_AllowLoopback_ReachesPlainLoopback(string template)
    {
        await using var recorder = RawServer.Recorder();
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true);
        var url = new Uri(template.Replace("{port}", recorder.Port.ToString(), StringComparison.Ordinal));

        var result = await services.Guarded().FetchAsync(url, FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(1, recorder.Accepted);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/")]
    [InlineData("http://loopback.test:{port}/")]
    public async Task FetchAsync_LoopbackRefused_MessageNamesTheSettingThatOpensIt(string template)
    {
        await using var recorder = RawServer.Recorder();
        using var services = FetchTestHost.Build(resolver: new StaticResolver(Names));
        var url = new Uri(template.Replace("{port}", recorder.Port.ToString(), StringComparison.Ordinal));

        var result = await services.Guarded().FetchAsync(url, FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("Verifier__Fetch__AllowLoopback=true", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, recorder.Accepted);
    }

    [Fact]
    public async Task FetchAsync_PrivateAddressRefused_MessageNamesNoSetting()
    {
        using var services = FetchTestHost.Build(resolver: new StaticResolver(Names));

        var result = await services.Guarded().FetchAsync(new Uri("http://internal.test/"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.DoesNotContain("Verifier__", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_AllowLoopback_StillRefusesPrivateName()
    {
        var resolver = new StaticResolver(Names);
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true, resolver);

        var result = await services.Guarded().FetchAsync(new Uri("http://internal.test/"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Equal(1, resolver.Lookups);
    }

    [Fact]
    public async Task FetchAsync_EndlessRedirects_RefusedAfterFive()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/loop", ctx => Redirect(ctx, 301, "/loop"));
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true);

        var result = await services.Guarded().FetchAsync(server.Url("/loop"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Refused, result.Status);
        Assert.Contains("more than 5 redirects", result.Error, StringComparison.Ordinal);
        Assert.Equal(6, server.Hits("/loop"));
    }

    [Fact]
    public async Task FetchAsync_FiveRedirects_AreFollowed()
    {
        await using var server = await LoopbackServer.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            var next = $"/r{i + 1}";
            server.Map($"/r{i}", ctx => Redirect(ctx, 302, next));
        }

        server.MapJson("/r5", "{\"ok\":true}");
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true);

        var result = await services.Guarded().FetchAsync(server.Url("/r0"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(server.Url("/r5"), result.FinalUrl);
    }

    private static Task Redirect(Microsoft.AspNetCore.Http.HttpContext ctx, int status, string location)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    /// <summary>The static table plus the system's answer for "localhost", so that case exercises the real resolver path.</summary>
    private sealed class ResolverWithLocalhost(Dictionary<string, IPAddress[]> table) : IHostResolver
    {
        private readonly StaticResolver _table = new(table);

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                ? new DnsHostResolver().ResolveAsync(host, cancellationToken)
                : _table.ResolveAsync(host, cancellationToken);
    }
}
