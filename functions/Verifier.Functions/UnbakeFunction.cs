using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;

namespace Verifier.Functions;

/// <summary>POST /api/unbake.</summary>
public sealed class UnbakeFunction(UnbakeHandler handler)
{
    [Function(nameof(Unbake))]
    public Task<IResult> Unbake(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = Routes.Prefix + "/" + Routes.Unbake)] HttpRequest request,
        CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken);
}
