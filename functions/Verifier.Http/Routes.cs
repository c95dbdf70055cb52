namespace Verifier.Http;

/// <summary>
/// The route table of the HTTP contract. Both hosts map exactly these: the Functions app through
/// <c>[HttpTrigger(Route = …)]</c> under host.json's "api" prefix, the local host under "/api".
/// </summary>
public static class Routes
{
    public const string Prefix = "api";
    public const string Verify = "verify";
    public const string VerifyBatch = "verify/batch";
    public const string Unbake = "unbake";
    public const string Bake = "bake";
    public const string Jobs = "jobs";
    public const string Job = "jobs/{id}";
    public const string JobResults = "jobs/{id}/results";
    public const string Health = "health";
    public const string Ready = "health/ready";
    public const string OpenApi = "openapi.json";

    /// <summary>Every route with the methods it answers (OPTIONS is CORS preflight, handled by the same handler).</summary>
    public static IReadOnlyList<(string Route, string[] Methods)> All { get; } =
    [
        (Verify, ["GET", "POST", "OPTIONS"]),
        (VerifyBatch, ["POST", "OPTIONS"]),
        (Unbake, ["POST", "OPTIONS"]),
        (Bake, ["POST", "OPTIONS"]),
        (Jobs, ["POST", "OPTIONS"]),
        (Job, ["GET", "OPTIONS"]),
        (JobResults, ["GET", "OPTIONS"]),
        (Health, ["GET", "OPTIONS"]),
        (Ready, ["GET", "OPTIONS"]),
        (OpenApi, ["GET", "OPTIONS"]),
    ];
}
