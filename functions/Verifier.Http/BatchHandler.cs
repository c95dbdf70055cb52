using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verifier.Core.Batch;
using Verifier.Http.Writing;

namespace Verifier.Http;

/// <summary>
/// <c>POST /api/verify/batch</c>: a JSON array or NDJSON of items (URL, JSON, JWS, or a base64 image, each with an
/// optional name and recipient). Answers NDJSON, one line per item in completion order, each written and flushed as
/// its verification finishes; at most <see cref="HttpOptions.BatchParallelism"/> run at once. Problems (413, 400, 415)
/// come only before the first line: once the answer has started, an item that cannot be verified is its own error
/// line and the stream goes on.
/// </summary>
public sealed partial class BatchHandler(BatchRunner runner, IOptions<HttpOptions> options, CorsPolicy cors, RequestGate gate, ILogger<BatchHandler> logger)
    : ApiHandler(cors, logger, gate)
{
    public const string NdjsonMediaType = "application/x-ndjson";

    public override IReadOnlyList<string> Methods { get; } = [HttpMethods.Post];

    protected override async Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!AcceptsType(request.ContentType))
        {
            return Problems.UnsupportedMediaType(request.ContentType, $"application/json (an array of items) or {NdjsonMediaType} (one item per line)");
        }

        var body = await BodyReader.ReadAsync(request, limits.MaxBatchBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "body-too-large",
                $"The batch is larger than the {limits.MaxBatchBytes} bytes one request may carry: split it, or create a job (POST /api/jobs).");
        }

        var manifest = BatchManifest.Parse(body, limits.MaxBatchItems, limits.MaxBodyBytes, ndjson: !IsJson(request.ContentType));
        if (manifest.Problem is { } problem)
        {
            return Problems.Create(manifest.TooMany ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, problem.Code, problem.Detail);
        }

        var parameters = VerifyParameters.Parse(request.Query, null, out var badParameter);
        if (parameters is null)
        {
            return badParameter!;
        }

        await StreamAsync(request.HttpContext.Response, manifest.Items, parameters, cancellationToken).ConfigureAwait(false);
        return Results.Empty;
    }

    private async Task StreamAsync(HttpResponse response, IReadOnlyList<BatchItem> items, VerifyParameters parameters, CancellationToken ct)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = NdjsonMediaType + "; charset=utf-8";
        // Proxies that buffer would hold every line until the end; the point of streaming is the first results early.
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(ct).ConfigureAwait(false);

        // A recipient in the query string is the default for items that name none.
        var withDefaults = parameters.Recipient is null
            ? items
            : [.. items.Select(i => i.Recipient is null && i.Input is not null ? i with { Recipient = parameters.Recipient } : i)];
        using var writeLock = new SemaphoreSlim(1, 1);
        using var buffer = new PooledBufferWriter();
        var request = new BatchRequest(options.Value.BatchParallelism, parameters.Policy, parameters.At, parameters.Verbose, parameters.RequireKnownIssuer) { Profile = parameters.Profile };
        var counts = await runner.RunAsync(withDefaults, request, "http", async (result, token) =>
        {
            await writeLock.WaitAsync(token).ConfigureAwait(false);
            try
            {
                buffer.Clear();
                BatchLine.Write(buffer, result, ReportResult.Compact);
                await response.Body.WriteAsync(buffer.WrittenMemory, token).ConfigureAwait(false);
                await response.Body.FlushAsync(token).ConfigureAwait(false);
            }
            finally
            {
                writeLock.Release();
            }
        }, ct).ConfigureAwait(false);
        LogBatch(logger, counts.Total, counts.Valid, counts.Invalid, counts.Indeterminate, counts.Error);
    }

    private static bool IsJson(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) || contentType.Split(';', 2)[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool AcceptsType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        var type = contentType.Split(';', 2)[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals(NdjsonMediaType, StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/jsonl", StringComparison.OrdinalIgnoreCase);
    }

    [LoggerMessage(EventId = 1100, EventName = "BatchVerified", Level = LogLevel.Information,
        Message = "Verified a batch of {Items} items: {Valid} valid, {Invalid} invalid, {Indeterminate} indeterminate, {Errors} errors")]
    private static partial void LogBatch(ILogger logger, int items, int valid, int invalid, int indeterminate, int errors);
}
