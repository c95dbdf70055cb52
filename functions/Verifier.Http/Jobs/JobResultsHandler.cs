using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Verifier.Core.Jobs;

namespace Verifier.Http.Jobs;

/// <summary><c>GET /api/jobs/{id}/results</c>: the result lines done so far, batch by batch, streamed from the job's blobs.</summary>
public sealed class JobResultsHandler(CorsPolicy cors, ILogger<JobResultsHandler> logger, IJobService? jobs = null) : ApiHandler(cors, logger)
{
    public override IReadOnlyList<string> Methods { get; } = [HttpMethods.Get];

    protected override async Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (jobs is null)
        {
            return JobResponses.Unavailable();
        }

        var id = JobResponses.Id(request);
        if (await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return JobResponses.NotFound(id);
        }

        var response = request.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = BatchHandler.NdjsonMediaType + "; charset=utf-8";
        await jobs.CopyResultsAsync(id, response.Body, cancellationToken).ConfigureAwait(false);
        return Results.Empty;
    }
}
