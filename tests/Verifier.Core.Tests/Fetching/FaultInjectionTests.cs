using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Verifier.Core.Tests.Fetching;

/// <summary>
/// A misbehaving upstream must give the right status — Unavailable (indeterminate) for what says nothing about the
/// badge, TooLarge or Refused for what breaks a limit — and never hang, throw or buffer without bound.
/// </summary>
public sealed class FaultInjectionTests
{
    private const string JsonHead = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

    [Fact]
    public async Task FetchAsync_SlowHeaders_IsUnavailableAfterTimeout()
    {
        await using var server = RawServer.Start((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        // Long enough that the connection is surely accepted first, even on a loaded machine.
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.Timeout = TimeSpan.FromSeconds(2); });

        var result = await services.Guarded().FetchAsync(server.Url(), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Unavailable, result.Status);
        Assert.True(result.IsTransient);
        Assert.Contains("no complete answer within", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Accepted); // a timeout is not retried: it already spent the budget
    }

    [Fact]
    public async Task FetchAsync_SlowDripBody_IsUnavailableAfterTimeout()
    {
        await using var server = RawServer.Start(async (stream, _, ct) =>
        {
            await RawServer.WriteAsync(stream, JsonHead + "Content-Length: 100000\r\n\r\n{", ct);
            while (true)
            {
                await Task.Delay(50, ct);
                await RawServer.WriteAsync(stream, " ", ct);
            }
        });
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.Timeout = TimeSpan.FromMilliseconds(400); });

        var result = await services.Guarded().FetchAsync(server.Url(), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Unavailable, result.Status);
    }

    [Fact]
    public async Task FetchAsync_ConnectionReset_IsUnavailableAndRetried()
    {
        await using var server = RawServer.Start((_, socket, _) =>
        {
            socket.LingerState = new LingerOption(true, 0); // close with RST
            socket.Close();
            return Task.CompletedTask;
        });
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.RetryCount = 2; });

        var result = await services.Guarded().FetchAsync(server.Url(), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Unavailable, result.Status);
        Assert.Equal(3, server.Accepted);
    }

    [Fact]
    public async Task FetchAsync_TruncatedBody_IsUnavailable()
    {
        await using var server = RawServer.Start(async (stream, _, ct) =>
            await RawServer.WriteAsync(stream, JsonHead + "Content-Length: 1000\r\nConnection: close\r\n\r\n{\"id\":\"trunc", ct));
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.RetryCount = 1; });

        var result = await services.Guarded().FetchAsync(server.Url(), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Unavailable, result.Status);
        Assert.Contains("broke off", result.Error, StringComparison.Ordinal);
        Assert.True(result.Body.IsEmpty);
        Assert.Equal(2, server.Accepted);
    }

    [Fact]
    public async Task FetchAsync_EndlessChunkedBody_IsTooLargeWhileStreaming()
    {
        var chunk = Encoding.ASCII.GetBytes("4000\r\n" + new string('a', 0x4000) + "\r\n");
        RawServer? server = null;
        server = RawServer.Start(async (stream, _, ct) =>
        {
            await RawServer.WriteAsync(stream, JsonHead + "Transfer-Encoding: chunked\r\n\r\n", ct);
            while (true)
            {
                await server!.WriteCountedAsync(stream, chunk, ct);
            }
        });
        await using var _ = server;

        // The timeout is long: if the cap were checked only after reading, this would end Unavailable, not TooLarge.
        using var services = FetchTestHost.Build(o =>
        {
            o.AllowLoopback = true;
            o.MaxDocumentBytes = 256 * 1024;
            o.Timeout = TimeSpan.FromSeconds(60);
        });

        var result = await services.Guarded().FetchAsync(server.Url(), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.True(server.BytesSent < 64L * 1024 * 1024, $"server sent {server.BytesSent} bytes before the fetcher stopped");
    }

    [Fact]
    public async Task FetchAsync_DeclaredLengthOverCap_IsTooLargeWithoutReading()
    {
        await using var server = RawServer.Start((stream, _, ct) =>
            RawServer.WriteAsync(stream, JsonHead + "Content-Length: 5000000000\r\n\r\n{", ct));
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true);

        var result = await services.Guarded().FetchAsync(server.Url(), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.TooLarge, result.Status);
    }

    [Theory]
    [InlineData(FetchKind.Document, 2000, FetchStatus.TooLarge)]
    [InlineData(FetchKind.Image, 2000, FetchStatus.Ok)]
    [InlineData(FetchKind.StatusList, 2000, FetchStatus.TooLarge)]
    public async Task FetchAsync_BodyCap_IsPerKind(FetchKind kind, int size, FetchStatus expected)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapBytes("/x", Encoding.ASCII.GetBytes("[" + new string(' ', size) + "]"), "application/json");
        using var services = FetchTestHost.Build(o =>
        {
            o.AllowLoopback = true;
            o.MaxDocumentBytes = 1000;
            o.MaxStatusListBytes = 1000;
            o.MaxImageBytes = 10_000;
        });

        var result = await services.Guarded().FetchAsync(server.Url("/x"), kind, CancellationToken.None);

        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public async Task FetchAsync_HugeHeaders_IsTooLarge()
    {
        var header = "X-Filler: " + new string('h', 1000) + "\r\n";
        await using var server = RawServer.Start((stream, _, ct) =>
            RawServer.WriteAsync(stream, JsonHead + string.Concat(Enumerable.Repeat(header, 100)) + "Content-Length: 2\r\n\r\n{}", ct));
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.MaxResponseHeadersKiB = 32; });

        var result = await services.Guarded().FetchAsync(server.Url(), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.TooLarge, result.Status);
        Assert.Contains("headers", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_GarbageInsteadOfHttp_IsUnavailable()
    {
        await using var server = RawServer.Start((stream, _, ct) => RawServer.WriteAsync(stream, "SSH-2.0-OpenSSH_9.2\r\n\r\n", ct));
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true);

        var result = await services.Guarded().FetchAsync(server.Url(), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Unavailable, result.Status);
    }

    [Fact]
    public async Task FetchAsync_HtmlPageForDocument_IsUnavailable()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/x", "<html><body>Please log in</body></html>", contentType: "text/html");
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true);

        var result = await services.Guarded().FetchAsync(server.Url("/x"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Unavailable, result.Status);
        Assert.Contains("HTML", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Hits("/x"));
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("text/html")]
    [InlineData("text/plain")]
    public async Task FetchAsync_JsonUnderWrongContentType_IsOkWithDeclaredTypeReported(string declared)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/x", " {\"id\":\"x\"}", contentType: declared);
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true);

        var result = await services.Guarded().FetchAsync(server.Url("/x"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(declared, result.ContentType);
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_Throws()
    {
        await using var server = RawServer.Start((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            services.Guarded().FetchAsync(server.Url(), FetchKind.Document, cts.Token));
    }

    [Fact]
    public async Task FetchAsync_TlsHandshakeFails_IsUnavailableAndNotRetried()
    {
        // A plain-HTTP server on an https URL: the TLS handshake fails.
        await using var server = RawServer.Start((stream, _, ct) => RawServer.WriteAsync(stream, "HTTP/1.1 400 Bad Request\r\n\r\n", ct), readHead: false);
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.RetryCount = 2; });

        var result = await services.Guarded().FetchAsync(new Uri($"https://127.0.0.1:{server.Port}/"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Unavailable, result.Status);
        Assert.Contains("TLS", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task FetchAsync_UnknownHost_IsUnavailableAndNotRetried()
    {
        var resolver = new StaticResolver([]);
        using var services = FetchTestHost.Build(o => o.RetryCount = 2, resolver);

        var result = await services.Guarded().FetchAsync(new Uri("https://no-such-host.test/"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Unavailable, result.Status);
        Assert.Contains("does not resolve", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, resolver.Lookups);
    }

    [Fact]
    public async Task FetchAsync_ClosedPort_IsUnavailable()
    {
        var server = RawServer.Recorder();
        var url = server.Url();
        await server.DisposeAsync();
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.RetryCount = 0; });

        var result = await services.Guarded().FetchAsync(url, FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Unavailable, result.Status);
    }

    [Fact]
    public async Task FetchAsync_Request_SendsNoCookiesOrCredentialsAndSetsUserAgentAndAccept()
    {
        await using var server = await LoopbackServer.StartAsync();
        Dictionary<string, string>? seen = null;
        server.Map("/x", async ctx =>
        {
            // Copied: Kestrel reuses the header collection after the request ends.
            seen = ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            ctx.Response.Headers.SetCookie = "session=abc";
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{}");
        });
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.UserAgent = "VerifierTest/1"; });

        await services.Guarded().FetchAsync(server.Url("/x"), FetchKind.Document, CancellationToken.None);
        await services.Guarded().FetchAsync(server.Url("/x"), FetchKind.Document, CancellationToken.None);

        Assert.NotNull(seen);
        Assert.False(seen!.ContainsKey("Cookie"));
        Assert.False(seen.ContainsKey("Authorization"));
        Assert.Equal("VerifierTest/1", seen["User-Agent"]);
        Assert.StartsWith("application/ld+json", seen["Accept"], StringComparison.Ordinal);
    }
}
