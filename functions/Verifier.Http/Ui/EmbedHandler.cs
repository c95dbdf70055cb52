using Microsoft.AspNetCore.Http;

namespace Verifier.Http;

/// <summary>
/// <c>/embed/v1/badge.js</c>: the web component displayer sites drop in (README, docs/ui.md). Readable from any
/// origin (CORS and CORP), so a page can load it with an integrity attribute; cached for a year, since a v1 file is
/// never changed in place (a changed component gets a new path) — which is also what keeps a published SRI hash true.
/// </summary>
public static class EmbedHandler
{
    public const string Version = "v1";

    private static readonly EmbeddedAssets Assets = new("Embed", new(StringComparer.Ordinal)
    {
        ["badge.js"] = "text/javascript; charset=utf-8",
    });

    /// <summary>The SRI value of badge.js (sha384), as the README documents it.</summary>
    public static string Integrity => Assets.Integrity("badge.js");

    public static IResult Asset(string? name) =>
        Assets.TryGet(name, out var bytes, out var type)
            ? new AssetResult(bytes, type, headers =>
            {
                headers.CacheControl = "public, max-age=31536000, immutable";
                headers.AccessControlAllowOrigin = "*";
                headers["Cross-Origin-Resource-Policy"] = "cross-origin";
                headers.ETag = "\"" + Integrity + "\"";
            })
            : TypedResults.NotFound();
}
