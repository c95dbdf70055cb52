using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Verifier.Http;

/// <summary><c>GET /api/health</c>: liveness for load balancers and the deploy smoke test. Touches no network.</summary>
public sealed class HealthHandler(TimeProvider time, CorsPolicy cors, ILogger<HealthHandler> logger) : ApiHandler(cors, logger)
{
    private static readonly string Version =
        typeof(HealthHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public override IReadOnlyList<string> Methods { get; } = [HttpMethods.Get];

    protected override Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IResult>(TypedResults.Ok(new HealthResponse("ok", Version, time.GetUtcNow())));
}

public sealed record HealthResponse(string Status, string Version, DateTimeOffset Time);
