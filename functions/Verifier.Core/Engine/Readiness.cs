namespace Verifier.Core.Engine;

/// <summary>
/// One dependency reported by <c>GET /api/health/ready</c>. Register implementations as <see cref="IReadinessCheck"/>
/// singletons (the blob tier, the pinned contexts, the disk tier, issuer registries…); each must answer quickly and
/// never throw for the failure it checks.
/// </summary>
public interface IReadinessCheck
{
    /// <summary>Stable name in the readiness report, e.g. "blob-cache".</summary>
    string Name { get; }

    Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken);
}

public enum ReadinessStatus
{
    /// <summary>Works as it should.</summary>
    Ok,

    /// <summary>Works, but less well than configured (e.g. some pinned contexts would come from the network).</summary>
    Degraded,

    /// <summary>Does not work: the instance should not take traffic (readiness answers 503).</summary>
    Failed,
}

public sealed record ReadinessResult(ReadinessStatus Status, string Detail)
{
    public static ReadinessResult Ok(string detail) => new(ReadinessStatus.Ok, detail);

    public static ReadinessResult Degraded(string detail) => new(ReadinessStatus.Degraded, detail);

    public static ReadinessResult Failed(string detail) => new(ReadinessStatus.Failed, detail);
}
