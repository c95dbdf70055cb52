using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;
using Verifier.Http.Jobs;

namespace Verifier.Functions;

/// <summary>POST /api/jobs, GET /api/jobs/{id}, GET /api/jobs/{id}/results.</summary>
public sealed class JobFunctions(JobsHandler create, JobStatusHandler status, JobResultsHandler results)
{
    [Function(nameof(CreateJob))]
    public Task<IResult> CreateJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = Routes.Prefix + "/" + Routes.Jobs)] HttpRequest request,
        CancellationToken cancellationToken) => create.HandleAsync(request, cancellationToken);

    [Function(nameof(GetJob))]
    public Task<IResult> GetJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = Routes.Prefix + "/" + Routes.Job)] HttpRequest request,
        CancellationToken cancellationToken) => status.HandleAsync(request, cancellationToken);

    [Function(nameof(GetJobResults))]
    public Task<IResult> GetJobResults(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "options", Route = Routes.Prefix + "/" + Routes.JobResults)] HttpRequest request,
        CancellationToken cancellationToken) => results.HandleAsync(request, cancellationToken);
}
