using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LoadKit;

/// <summary>Serves DIR/site as the issuer's origin (the host under test maps issuer.example here through its HostMap).</summary>
internal static class IssuerServer
{
    public static async Task<int> RunAsync(string dir, int port)
    {
        var site = Path.GetFullPath(Path.Combine(dir, "site"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            var path = Path.GetFullPath(Path.Combine(site, (context.Request.Path.Value ?? "/").TrimStart('/')));
            if (!path.StartsWith(site, StringComparison.Ordinal) || !File.Exists(path))
            {
                context.Response.StatusCode = 404;
                return;
            }

            context.Response.ContentType = "application/ld+json";
            context.Response.Headers.CacheControl = "max-age=3600";
            await context.Response.SendFileAsync(path);
        });
        await app.RunAsync();
        return 0;
    }
}
