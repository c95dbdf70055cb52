using Microsoft.AspNetCore.Http;

namespace Verifier.Http;

/// <summary>
/// The verification page for people (index.html, its modules and stylesheet), embedded in this assembly so every
/// host serves the same bytes. Responses carry a strict Content-Security-Policy: scripts and styles only from this
/// origin (no inline code), fetches only to this origin, images only from this origin or as data: URIs — the page
/// asks the service for the badge image as a data: URI (image=true), so a reader's browser never contacts a host the
/// badge chose — and no framing (displayer sites use the embed instead, EmbedHandler). With every report string
/// written through textContent, a hostile badge cannot run script in this page.
/// </summary>
public static class UiHandler
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly EmbeddedAssets Assets = new("Ui", new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["verdict.js"] = "text/javascript; charset=utf-8",
        ["words.js"] = "text/javascript; charset=utf-8",
        ["render.js"] = "text/javascript; charset=utf-8",
        ["details.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    });

    /// <summary>The page itself.</summary>
    public static IResult Page() => Asset("index.html");

    /// <summary>One named asset of the page, or 404 for any other name.</summary>
    public static IResult Asset(string? name) =>
        Assets.TryGet(name, out var bytes, out var type)
            ? new AssetResult(bytes, type, headers =>
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
                headers.CacheControl = "no-cache";
            })
            : TypedResults.NotFound();
}
