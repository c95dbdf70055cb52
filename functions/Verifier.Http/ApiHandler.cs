using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Verifier.Http;

/// <summary>
/// One route of the contract. Hosts call <see cref="HandleAsync"/> for every method the route answers; CORS,
/// method dispatch and the last-resort error boundary live here so both hosts behave identically.
/// </summary>
public abstract class ApiHandler(CorsPolicy cors, ILogger logger, RequestGate? gate = null)
{
    /// <summary>The methods this route serves, besides OPTIONS (CORS preflight).</summary>
    public abstract IReadOnlyList<string> Methods { get; }

    [SuppressMessage("Performance", "CA1848:Use the LoggerMessage delegates", Justification = "Logs only an unhandled failure (a bug), never on the request path that succeeds.")]
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsOptions(request.Method))
        {
            return cors.Preflight(request, [.. Methods, HttpMethods.Options]);
        }

        cors.Apply(request.HttpContext);
        if (!Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            request.HttpContext.Response.Headers.Allow = string.Join(", ", Methods);
            return Problems.Create(StatusCodes.Status405MethodNotAllowed, "method-not-allowed", $"Use {string.Join(" or ", Methods)} on this route.");
        }

        using var lease = gate is null ? null : await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
        if (gate is not null && lease is null)
        {
            request.HttpContext.Response.Headers.RetryAfter = "1";
            return Problems.Create(StatusCodes.Status503ServiceUnavailable, "busy", "The verifier is busy with other badges; retry in a second.");
        }

        try
        {
            return await HandleCoreAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug, not a verdict: log it and answer a problem instead of an empty 500 or a stack trace.
            logger.LogError(e, "Unhandled failure on {Method} {Path}", request.Method, request.Path);
            return Problems.Create(StatusCodes.Status500InternalServerError, "internal-error", "The verifier failed unexpectedly; the failure was logged. Try again later.");
        }
    }

    protected abstract Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken);
}
