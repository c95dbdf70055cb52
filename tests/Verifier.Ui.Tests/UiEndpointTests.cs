using System.Net;
using Verifier.Http;

namespace Verifier.Ui.Tests;

/// <summary>The page's HTTP side over a real socket: media types, the security headers, and nothing else served.</summary>
[Collection(UiCollection.Name)]
public sealed class UiEndpointTests(UiHost host) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = host.BaseAddress };

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/ui/app.js", "text/javascript")]
    [InlineData("/ui/verdict.js", "text/javascript")]
    [InlineData("/ui/words.js", "text/javascript")]
    [InlineData("/ui/render.js", "text/javascript")]
    [InlineData("/ui/details.js", "text/javascript")]
    [InlineData("/ui/app.css", "text/css")]
    public async Task Get_Asset_IsServedWithItsTypeAndStrictHeaders(string path, string mediaType)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal(UiHandler.ContentSecurityPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public void ContentSecurityPolicy_AllowsNoInlineScriptNorForeignConnections()
    {
        var directives = UiHandler.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d, StringComparer.Ordinal);

        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("connect-src 'self'", directives["connect-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        // Badge images reach the page only as data: URIs from the service (image=true), never from a badge's host.
        Assert.Equal("img-src 'self' data:", directives["img-src"]);
        Assert.DoesNotContain("unsafe", UiHandler.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Page_HasNoInlineScriptOrStyle()
    {
        var html = await _client.GetStringAsync("/");

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" on", html.Replace(" only", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Embed_IsCacheableForAYearAndReadableFromAnyOrigin()
    {
        using var response = await _client.GetAsync("/embed/v1/badge.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("*", string.Join(", ", response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("cross-origin", string.Join(", ", response.Headers.GetValues("Cross-Origin-Resource-Policy")));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(EmbedHandler.Integrity, "sha384-" + Convert.ToBase64String(System.Security.Cryptography.SHA384.HashData(bytes)));
        Assert.Equal($"\"{EmbedHandler.Integrity}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Readme_DocumentsTheEmbedsCurrentIntegrity()
    {
        var readme = await File.ReadAllTextAsync(TestBadges.SamplePath(Path.Combine("..", "README.md")));

        Assert.Contains($"integrity=\"{EmbedHandler.Integrity}\"", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_Page_HasHeadersAndNoBody()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Content.Headers.ContentLength > 100);
    }

    [Theory]
    [InlineData("/embed/v1/badge.min.js")]
    [InlineData("/embed/v2/badge.js")]
    [InlineData("/ui/index.htm")]
    [InlineData("/ui/..%2Fopenapi.json")]
    [InlineData("/ui/Verifier.Http.openapi.json")]
    [InlineData("/ui/APP.JS")]
    public async Task Get_UnknownAsset_Returns404(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
