using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Verifier.Core.Jobs;

namespace Verifier.Http.Jobs;

/// <summary><c>GET /api/jobs/{id}</c>: progress (batches done of all), counts by outcome, and the results link.</summary>
public sealed class JobStatusHandler(CorsPolicy cors, ILogger<JobStatusHandler> logger, IJobService? jobs = null) : ApiHandler(cors, logger)
{
    public override IReadOnlyList<string> Methods { get; } = [HttpMethods.Get];

    protected override async Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (jobs is null)
        {
            return JobResponses.Unavailable();
        }

        var id = JobResponses.Id(request);
        return await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } job
            ? TypedResults.Ok(JobResponses.Status(job))
            : JobResponses.NotFound(id);
    }
}
