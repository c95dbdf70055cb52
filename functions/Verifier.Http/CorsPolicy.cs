using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Verifier.Http;

/// <summary>
/// CORS for displayer sites, done by the shared handlers rather than host middleware so the Functions app and the
/// local host answer identically (Fetch standard, "CORS protocol"). Credentials are never allowed: the API reads no
/// cookies, so any-origin access exposes nothing a direct request would not.
/// </summary>
public sealed class CorsPolicy(IOptions<HttpOptions> options)
{
    private readonly HashSet<string> _origins = new(
        options.Value.AllowedOrigins.Select(o => o.Trim().TrimEnd('/')).Where(o => o.Length > 0),
        StringComparer.OrdinalIgnoreCase);

    private bool AnyOrigin => _origins.Count == 0 || _origins.Contains("*");

    /// <summary>Adds the CORS response headers for an actual (non-preflight) request from an allowed origin.</summary>
    public void Apply(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return;
        }

        var headers = context.Response.Headers;
        if (AnyOrigin)
        {
            headers.AccessControlAllowOrigin = "*";
        }
        else
        {
            headers.Append("Vary", "Origin");
            if (_origins.Contains(origin))
            {
                headers.AccessControlAllowOrigin = origin;
            }
        }
    }

    /// <summary>
    /// Answers an OPTIONS preflight: 204 with the allowed methods and headers for an allowed origin, 204 with no CORS
    /// headers otherwise (the browser then blocks the call, as the protocol intends).
    /// </summary>
    public IResult Preflight(HttpRequest request, IEnumerable<string> methods)
    {
        Apply(request.HttpContext);
        var headers = request.HttpContext.Response.Headers;
        if (headers.AccessControlAllowOrigin.Count > 0)
        {
            headers.AccessControlAllowMethods = string.Join(", ", methods);
            var requested = request.Headers.AccessControlRequestHeaders.ToString();
            headers.AccessControlAllowHeaders = requested.Length > 0 ? requested : "Content-Type";
            headers.AccessControlMaxAge = ((int)options.Value.PreflightMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.NoContent();
    }
}
