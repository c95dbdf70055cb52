using Verifier.Http;

namespace Verifier.Local;

/// <summary>Marker for <c>WebApplicationFactory&lt;LocalHostMarker&gt;</c> (the Functions app has a Program too).</summary>
public sealed class LocalHostMarker;

public static class LocalHost
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Maps every route of <see cref="Routes.All"/> under /api to its shared handler.</summary>
    public static IEndpointRouteBuilder MapVerifierRoutes(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/" + Routes.Prefix);
        foreach (var (route, methods) in Routes.All)
        {
            var handler = route switch
            {
                Routes.Verify => typeof(VerifyHandler),
                Routes.VerifyBatch => typeof(BatchHandler),
                Routes.Jobs => typeof(Http.Jobs.JobsHandler),
                Routes.Job => typeof(Http.Jobs.JobStatusHandler),
                Routes.JobResults => typeof(Http.Jobs.JobResultsHandler),
                Routes.Unbake => typeof(UnbakeHandler),
                Routes.Bake => typeof(BakeHandler),
                Routes.Health => typeof(HealthHandler),
                Routes.Ready => typeof(ReadyHandler),
                Routes.OpenApi => typeof(OpenApiHandler),
                _ => throw new InvalidOperationException($"no handler for route {route}"),
            };
            // Handlers are singletons: taken from the root provider once, so a request that answers a report never
            // creates a per-request service scope (problem results still use RequestServices when they run).
            var target = new Lazy<ApiHandler>(() => (ApiHandler)endpoints.ServiceProvider.GetRequiredService(handler));
            api.MapMethods("/" + route, methods, async context =>
            {
                var result = await target.Value.HandleAsync(context.Request, context.RequestAborted);
                await result.ExecuteAsync(context);
            });
        }

        return endpoints;
    }
}
