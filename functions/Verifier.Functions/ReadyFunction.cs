using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;

namespace Verifier.Functions;

/// <summary>GET /api/health/ready: per-dependency readiness, probed by the Application Insights availability test.</summary>
public sealed class ReadyFunction(ReadyHandler handler)
{
    [Function(nameof(Ready))]
    public Task<IResult> Ready(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = Routes.Prefix + "/" + Routes.Ready)] HttpRequest request,
        CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken);
}
