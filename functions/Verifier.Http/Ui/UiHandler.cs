using Microsoft.AspNetCore.Http;

namespace Verifier.Http;

/// <summary>
/// The verification page for people (index.html, app.js, app.css), embedded in this assembly so every host serves
/// the same bytes. Responses carry a strict Content-Security-Policy: scripts and styles only from this origin (no
/// inline code), fetches only to this origin, badge images only over https or as data: URIs, no framing. With
/// app.js writing report strings through textContent only, a hostile badge cannot run script in this page.
/// </summary>
public static class UiHandler
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Asset name → media type. Only these names are served; anything else is a 404.</summary>
    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    };

    private static readonly Dictionary<string, Lazy<byte[]>> Assets = MediaTypes.Keys.ToDictionary(
        name => name, name => new Lazy<byte[]>(() => Load(name)), StringComparer.Ordinal);

    /// <summary>The page itself.</summary>
    public static IResult Page() => Asset("index.html");

    /// <summary>One named asset ("app.js", "app.css", "index.html"), or 404 for any other name.</summary>
    public static IResult Asset(string? name) =>
        name is not null && Assets.TryGetValue(name, out var bytes)
            ? new AssetResult(bytes.Value, MediaTypes[name])
            : TypedResults.NotFound();

    private static byte[] Load(string name)
    {
        using var stream = typeof(UiHandler).Assembly.GetManifestResourceStream("Verifier.Http.Ui." + name)
            ?? throw new InvalidOperationException($"the UI asset {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed class AssetResult(byte[] body, string contentType) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-cache";
            httpContext.Response.ContentType = contentType;
            httpContext.Response.ContentLength = body.Length;
            return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
