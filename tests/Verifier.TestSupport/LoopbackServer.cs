using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Verifier.TestSupport;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a random port, serving canned responses per path. Tests register
/// documents, keys, images and status codes, then point the verifier's fetcher at it (AllowLoopback + HostMap).
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>An absolute URL on this server for a path like "/assertion.json".</summary>
    public Uri Url(string path) => new(BaseUri, path);

    public void Map(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    public void MapJson(string path, string json, int status = 200, string contentType = "application/json") =>
        Map(path, async ctx =>
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = contentType;
            await ctx.Response.WriteAsync(json);
        });

    public void MapBytes(string path, byte[] body, string contentType, int status = 200) =>
        Map(path, async ctx =>
        {
            ctx.Response.StatusCode = status;
            ctx.Response.ContentType = contentType;
            await ctx.Response.Body.WriteAsync(body);
        });

    public void MapStatus(string path, int status) => Map(path, ctx =>
    {
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    });

    /// <summary>
    /// Answers with a redirect. <paramref name="location"/> is a logical URL (e.g. https://evil.example/a): the fetcher
    /// maps its host again, so a redirect can lead to another test server.
    /// </summary>
    public void MapRedirect(string path, string location, int status = 302) => Map(path, ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    /// <summary>How many requests reached a path (proves a fetch did or did not happen).</summary>
    public int Hits(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_routes.TryGetValue(path, out var handler))
        {
            return handler(context);
        }

        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
