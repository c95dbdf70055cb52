using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Verifier.Hosts.Tests.Local;

/// <summary>The hand-written OpenAPI document names exactly the routes the local host maps, no more, no fewer.</summary>
public sealed class OpenApiDocumentTests(LocalHostFactory host) : IClassFixture<LocalHostFactory>
{
    [Fact]
    public void Document_ParsesAsOpenApi31WithoutErrors()
    {
        var result = OpenApiDocument.Parse(System.Text.Encoding.UTF8.GetString(OpenApiHandler.Bytes.Span), "json", new OpenApiReaderSettings());

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic?.SpecificationVersion);
    }

    [Fact]
    public void Document_NamesExactlyTheMappedRoutes()
    {
        var document = OpenApiDocument.Parse(System.Text.Encoding.UTF8.GetString(OpenApiHandler.Bytes.Span), "json", new OpenApiReaderSettings()).Document!;
        var documented = document.Paths
            .SelectMany(p => (p.Value.Operations ?? []).Keys.Select(m => $"{m.Method.ToUpperInvariant()} {p.Key}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m != HttpMethods.Options) // CORS preflight: protocol, not API; the document says so
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(mapped);
        Assert.Equal(mapped, documented);
    }

    [Fact]
    public void EveryMappedRoute_AnswersPreflight()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.All(endpoints, e => Assert.Contains(HttpMethods.Options, e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods));
        Assert.Equal(Routes.All.Count, endpoints.Count);
    }
}
