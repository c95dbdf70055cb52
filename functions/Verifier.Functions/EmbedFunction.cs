using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;

namespace Verifier.Functions;

/// <summary>GET /embed/v1/{asset} — the web component for displayer sites.</summary>
public sealed class EmbedFunction
{
    [Function(nameof(Embed))]
    public static IResult Embed(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "embed/" + EmbedHandler.Version + "/{asset}")] HttpRequest request,
        string asset) => EmbedHandler.Asset(asset);
}
