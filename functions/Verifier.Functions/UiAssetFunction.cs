using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;

namespace Verifier.Functions;

/// <summary>GET /ui/{asset} — the page's scripts and stylesheet.</summary>
public sealed class UiAssetFunction
{
    [Function(nameof(UiAsset))]
    public static IResult UiAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "ui/{asset}")] HttpRequest request,
        string asset) => UiHandler.Asset(asset);
}
