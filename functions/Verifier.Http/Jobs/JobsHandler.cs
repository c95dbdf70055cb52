using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Verifier.Core.Batch;
using Verifier.Core.Jobs;

namespace Verifier.Http.Jobs;

/// <summary>
/// <c>POST /api/jobs</c>: a manifest (JSON array or NDJSON of batch items) or <c>{"manifestBlob": "container/name"}</c>
/// naming one in the storage account; answers 202 with the job and its Location. The verification itself happens on
/// the queue (Verifier.Functions' JobBatchFunction). Hosts without a job service (the local host) answer 501.
/// </summary>
public sealed class JobsHandler(CorsPolicy cors, ILogger<JobsHandler> logger, IJobService? jobs = null) : ApiHandler(cors, logger)
{
    public override IReadOnlyList<string> Methods { get; } = [HttpMethods.Post];

    protected override async Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (jobs is null)
        {
            return JobResponses.Unavailable();
        }

        var type = request.ContentType?.Split(';', 2)[0].Trim();
        if (type is { Length: > 0 } && !type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && !type.Equals(BatchHandler.NdjsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType(type, $"application/json (an array of items, or {{\"manifestBlob\": \"container/name\"}}) or {BatchHandler.NdjsonMediaType}");
        }

        var body = await BodyReader.ReadAsync(request, jobs.MaxManifestBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "body-too-large",
                $"The manifest is larger than the {jobs.MaxManifestBytes} bytes a job may hold: split it into several jobs.");
        }

        var parameters = VerifyParameters.Parse(request.Query, null, out var badParameter);
        if (parameters is null)
        {
            return badParameter!;
        }

        var created = await jobs.CreateAsync(
            new JobManifestSource(body, ManifestBlob(body)),
            new BatchRequest(1, parameters.Policy, parameters.At, parameters.Verbose, parameters.RequireKnownIssuer) { Profile = parameters.Profile },
            cancellationToken).ConfigureAwait(false);
        if (created.Problem is { } problem)
        {
            return Problems.Create(created.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, problem.Code, problem.Detail);
        }

        var location = $"/{Routes.Prefix}/{Routes.Jobs}/{created.Job!.Id}";
        return TypedResults.Accepted(location, JobResponses.Status(created.Job));
    }

    /// <summary>The blob a <c>{"manifestBlob": "…"}</c> body names, or null when the body is the manifest itself.</summary>
    private static string? ManifestBlob(byte[] body)
    {
        var start = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (start.IsEmpty || start[0] != (byte)'{')
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("manifestBlob", out var blob) && blob.ValueKind == JsonValueKind.String
                ? blob.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null; // NDJSON with several lines: the manifest itself
        }
    }
}
