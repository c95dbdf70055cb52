using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Verifier.Core.Engine;

namespace Verifier.Http;

/// <summary>
/// <c>GET /api/health/ready</c>: whether this instance can verify as configured — the blob tier, the pinned
/// contexts, the disk tier, issuer registries: every registered <see cref="IReadinessCheck"/>, run concurrently within
/// a few seconds. 200 when none failed (degraded dependencies are reported, not fatal), else 503: an Azure availability
/// test alerts on it. <c>/api/health</c> stays the cheap liveness probe.
/// </summary>
public sealed class ReadyHandler(IEnumerable<IReadinessCheck> checks, TimeProvider time, CorsPolicy cors, ILogger<ReadyHandler> logger) : ApiHandler(cors, logger)
{
    /// <summary>A check that has not answered by then counts as failed: a probe must answer within its own timeout.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    private static readonly string Version =
        typeof(ReadyHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public override IReadOnlyList<string> Methods { get; } = [HttpMethods.Get];

    protected override async Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(checks.Select(c => RunAsync(c, cancellationToken))).ConfigureAwait(false);
        var ready = results.All(r => r.Result.Status != ReadinessStatus.Failed);
        var dependencies = results.ToDictionary(
            r => r.Name,
            r => new ReadyDependency(r.Result.Status.ToString().ToLowerInvariant(), r.Result.Detail),
            StringComparer.Ordinal);
        var body = new ReadyResponse(ready ? "ready" : "not-ready", Version, time.GetUtcNow(), dependencies);
        return ready ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<(string Name, ReadinessResult Result)> RunAsync(IReadinessCheck check, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(CheckTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return (check.Name, await check.CheckAsync(linked.Token).WaitAsync(CheckTimeout, time, linked.Token).ConfigureAwait(false));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // A check that throws or hangs reports itself failed; the probe itself still answers.
            return (check.Name, ReadinessResult.Failed(e is TimeoutException or OperationCanceledException
                ? $"no answer within {CheckTimeout.TotalSeconds:0} s"
                : $"{e.GetType().Name}: {e.Message}"));
        }
    }
}

public sealed record ReadyResponse(string Status, string Version, DateTimeOffset Time, IReadOnlyDictionary<string, ReadyDependency> Dependencies);

/// <summary>One dependency: ok, degraded or failed, and what was found.</summary>
public sealed record ReadyDependency(string Status, string Detail);
