using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Verifier.Http;

namespace Verifier.Functions;

/// <summary>
/// GET / — the verification page, so the deployed app serves what the local host serves. host.json's route prefix is
/// empty for this (the API functions name "api/…" themselves); a catch-all is the only template that matches "/", and
/// every more specific route (api/…, ui/…, embed/v1/…) wins over it, so anything else it sees is a 404.
/// </summary>
public sealed class PageFunction
{
    [Function(nameof(Page))]
    public static IResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "{*path}")] HttpRequest request,
        string? path) => string.IsNullOrEmpty(path) ? UiHandler.Page() : TypedResults.NotFound();
}
