namespace Verifier.Http;

/// <summary>
/// The route table of the HTTP contract. Both hosts map exactly these under "/api": the Functions app through
/// <c>[HttpTrigger(Route = "api/…")]</c> (host.json's route prefix is empty, so the page can be served at "/"), the
/// local host through a route group. The page and the embed are <see cref="Ui"/>.
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

    /// <summary>The page, its files and the embed, outside the API prefix: (Functions route template, methods).</summary>
    public static IReadOnlyList<(string Route, string[] Methods)> Ui { get; } =
    [
        ("{*path}", ["GET", "HEAD"]),
        ("ui/{asset}", ["GET", "HEAD"]),
        ("embed/" + EmbedHandler.Version + "/{asset}", ["GET", "HEAD"]),
    ];
}
