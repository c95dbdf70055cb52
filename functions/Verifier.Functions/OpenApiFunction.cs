using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;

namespace Verifier.Functions;

/// <summary>GET /api/openapi.json.</summary>
public sealed class OpenApiFunction(OpenApiHandler handler)
{
    [Function(nameof(OpenApi))]
    public Task<IResult> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = Routes.Prefix + "/" + Routes.OpenApi)] HttpRequest request,
        CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken);
}
