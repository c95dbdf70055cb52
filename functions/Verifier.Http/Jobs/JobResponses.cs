using Microsoft.AspNetCore.Http;
using Verifier.Core.Jobs;

namespace Verifier.Http.Jobs;

/// <summary>The JSON answers of the job routes, and the problem of a host without jobs.</summary>
internal static class JobResponses
{
    public static IResult Unavailable() => Problems.Create(StatusCodes.Status501NotImplemented, "jobs-unavailable",
        "Jobs run on the Azure deployment's storage queue, which this host does not have. Use POST /api/verify/batch, or obverify verify over many files.");

    public static IResult NotFound(string id) => Problems.Create(StatusCodes.Status404NotFound, "job-not-found", $"There is no job '{id}'.");

    public static JobResponse Status(JobStatus job) => new(
        job.Id,
        job.Status,
        job.Created,
        job.Items,
        job.Batches,
        job.BatchesDone,
        new JobSummary(job.Summary.Valid, job.Summary.Invalid, job.Summary.Indeterminate, job.Summary.Error),
        $"/{Routes.Prefix}/{Routes.Jobs}/{job.Id}/results");

    /// <summary>The id of <c>jobs/{id}</c> and <c>jobs/{id}/results</c>: the route value, or the path segment after "jobs".</summary>
    public static string Id(HttpRequest request)
    {
        if (request.RouteValues.TryGetValue("id", out var value) && value is string id)
        {
            return id;
        }

        var segments = (request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, Routes.Jobs);
        return at >= 0 && at + 1 < segments.Length ? segments[at + 1] : string.Empty;
    }
}

/// <summary>What the job routes answer: progress, counts by outcome, and where the results are.</summary>
public sealed record JobResponse(string Id, string Status, DateTimeOffset Created, int Items, int Batches, int BatchesDone, JobSummary Summary, string Results);

public sealed record JobSummary(int Valid, int Invalid, int Indeterminate, int Error);
