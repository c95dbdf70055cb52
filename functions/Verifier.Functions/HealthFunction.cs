using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;

namespace Verifier.Functions;

/// <summary>GET /api/health.</summary>
public sealed class HealthFunction(HealthHandler handler)
{
    [Function(nameof(Health))]
    public Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = Routes.Prefix + "/" + Routes.Health)] HttpRequest request,
        CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken);
}
