using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Verifier.Http;

public static class UiEndpoints
{
    public const string AssetPrefix = "/ui/";
    public const string EmbedPrefix = "/embed/" + EmbedHandler.Version + "/";

    /// <summary>
    /// Serves the page at <c>/</c>, its files at <c>/ui/{asset}</c> and the embed at <c>/embed/v1/{asset}</c> (GET
    /// and HEAD). A middleware, not routed endpoints: the endpoint table stays exactly the API that the OpenAPI
    /// document describes. The Functions app serves the same through PageFunction, UiAssetFunction and EmbedFunction.
    /// </summary>
    public static IApplicationBuilder UseVerifierUi(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return next(context);
        }

        var result = path == "/" ? UiHandler.Page()
            : path.StartsWith(AssetPrefix, StringComparison.Ordinal) ? UiHandler.Asset(path[AssetPrefix.Length..])
            : path.StartsWith(EmbedPrefix, StringComparison.Ordinal) ? EmbedHandler.Asset(path[EmbedPrefix.Length..])
            : null;
        return result is null ? next(context) : result.ExecuteAsync(context);
    });
}
