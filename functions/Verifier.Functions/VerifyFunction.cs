using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;

namespace Verifier.Functions;

/// <summary>
/// POST/GET /api/verify. Anonymous on purpose: a public verifier that browsers call directly (a function key in a
/// web page would be public anyway). Put API Management or Easy Auth in front to restrict it.
/// </summary>
public sealed class VerifyFunction(VerifyHandler handler)
{
    [Function(nameof(Verify))]
    public Task<IResult> Verify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "options", Route = Routes.Prefix + "/" + Routes.Verify)] HttpRequest request,
        CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken);
}
