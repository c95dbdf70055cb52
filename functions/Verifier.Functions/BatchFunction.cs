using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;

namespace Verifier.Functions;

/// <summary>POST /api/verify/batch: NDJSON streamed as items finish (ASP.NET Core integration writes straight to the response).</summary>
public sealed class BatchFunction(BatchHandler handler)
{
    [Function(nameof(VerifyBatch))]
    public Task<IResult> VerifyBatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = Routes.Prefix + "/" + Routes.VerifyBatch)] HttpRequest request,
        CancellationToken cancellationToken) => handler.HandleAsync(request, cancellationToken);
}
