using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Verifier.Http;

public static class UiEndpoints
{
    private const string AssetPrefix = "/ui/";

    /// <summary>
    /// Serves the page at <c>/</c> and its script and stylesheet at <c>/ui/{asset}</c> (GET and HEAD). A middleware,
    /// not routed endpoints: the endpoint table stays exactly the API that the OpenAPI document describes.
    /// </summary>
    public static IApplicationBuilder UseVerifierUi(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return next(context);
        }

        if (path == "/")
        {
            return UiHandler.Page().ExecuteAsync(context);
        }

        return path.StartsWith(AssetPrefix, StringComparison.Ordinal)
            ? UiHandler.Asset(path[AssetPrefix.Length..]).ExecuteAsync(context)
            : next(context);
    });
}
