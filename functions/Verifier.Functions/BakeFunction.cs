using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;

namespace Verifier.Functions;

/// <summary>POST /api/bake.</summary>
public sealed class BakeFunction(BakeHandler handler)
{
    [Function(nameof(Bake))]
    public Task<IResult> Bake(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = Routes.Prefix + "/" + Routes.Bake)] HttpRequest request,
        CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken);
}
