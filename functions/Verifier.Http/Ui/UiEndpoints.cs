using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Verifier.Http;

public static class UiEndpoints
{
    /// <summary>Maps the page at <c>/</c> and its script and stylesheet at <c>/ui/{asset}</c> (GET and HEAD).</summary>
    public static IEndpointRouteBuilder MapVerifierUi(this IEndpointRouteBuilder endpoints)
    {
        string[] methods = ["GET", "HEAD"];
        endpoints.MapMethods("/", methods, UiHandler.Page);
        endpoints.MapMethods("/ui/{asset}", methods, (string asset) => UiHandler.Asset(asset));
        return endpoints;
    }
}
