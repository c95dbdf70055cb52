using Microsoft.AspNetCore.Http;
using Verifier.Functions;

namespace Verifier.Hosts.Tests.Functions;

/// <summary>
/// The Functions app's classes called directly, as the worker would with ASP.NET Core integration: an HttpRequest in,
/// an IResult out, executed on the same HttpContext.
/// </summary>
public sealed class FunctionClassTests : IDisposable
{
    private readonly ServiceProvider _services;

    public FunctionClassTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Verifier:Http:MaxBodyBytes"] = "1024" })
            .Build();
        _services = new ServiceCollection().AddLogging().AddVerifierHttp(configuration).BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Verify_PostedJson_WritesReport()
    {
        var context = Context("POST", "application/json", Encoding.UTF8.GetBytes(Fixtures.Ob2Assertion));

        var result = await new VerifyFunction(_services.GetRequiredService<VerifyHandler>()).Verify(context.Request, CancellationToken.None);
        var body = await ExecuteAsync(result, context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("json", body.GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Verify_DeclaredLengthOverLimit_Returns413WithoutReading()
    {
        var context = Context("POST", "application/json", new ThrowingStream());
        context.Request.ContentLength = 4096;

        var result = await new VerifyFunction(_services.GetRequiredService<VerifyHandler>()).Verify(context.Request, CancellationToken.None);
        var body = await ExecuteAsync(result, context);

        Assert.Equal(413, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("body-too-large", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Verify_Preflight_Returns204WithCorsHeaders()
    {
        var context = Context("OPTIONS", null, []);
        context.Request.Headers.Origin = "https://displayer.example";
        context.Request.Headers.AccessControlRequestMethod = "POST";

        var result = await new VerifyFunction(_services.GetRequiredService<VerifyHandler>()).Verify(context.Request, CancellationToken.None);
        await result.ExecuteAsync(context);

        Assert.Equal(204, context.Response.StatusCode);
        Assert.Equal("*", context.Response.Headers.AccessControlAllowOrigin.ToString());
    }

    [Fact]
    public async Task Unbake_Json_Returns400()
    {
        var context = Context("POST", "application/json", Encoding.UTF8.GetBytes(Fixtures.Ob2Assertion));

        var result = await new UnbakeFunction(_services.GetRequiredService<UnbakeHandler>()).Unbake(context.Request, CancellationToken.None);
        var body = await ExecuteAsync(result, context);

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("nothing-verifiable", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Health_ReturnsOk()
    {
        var context = Context("GET", null, []);

        var result = await new HealthFunction(_services.GetRequiredService<HealthHandler>()).Health(context.Request, CancellationToken.None);
        var body = await ExecuteAsync(result, context);

        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_ReportsEachDependency()
    {
        var context = Context("GET", null, []);

        var result = await new ReadyFunction(_services.GetRequiredService<ReadyHandler>()).Ready(context.Request, CancellationToken.None);
        var body = await ExecuteAsync(result, context);

        Assert.True(body.GetProperty("dependencies").TryGetProperty("contexts", out _));
    }

    [Fact]
    public async Task OpenApi_ReturnsTheDocument()
    {
        var context = Context("GET", null, []);

        var result = await new OpenApiFunction(_services.GetRequiredService<OpenApiHandler>()).OpenApi(context.Request, CancellationToken.None);
        var body = await ExecuteAsync(result, context);

        Assert.True(body.GetProperty("paths").TryGetProperty("/api/verify", out _));
    }

    [Theory]
    [InlineData(null, "text/html")]
    [InlineData("", "text/html")]
    public async Task Page_Root_ServesThePageWithItsPolicy(string? path, string mediaType)
    {
        var context = Context("GET", null, []);

        await PageFunction.Page(context.Request, path).ExecuteAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.StartsWith(mediaType, context.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(UiHandler.ContentSecurityPolicy, context.Response.Headers.ContentSecurityPolicy.ToString());
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("api/nothing-here")]
    [InlineData("index.html")]
    public async Task Page_AnyOtherPath_Is404(string path)
    {
        var context = Context("GET", null, []);

        await PageFunction.Page(context.Request, path).ExecuteAsync(context);

        Assert.Equal(404, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("app.js", 200)]
    [InlineData("verdict.js", 200)]
    [InlineData("app.css", 200)]
    [InlineData("openapi.json", 404)]
    public async Task UiAsset_ServesOnlyThePagesFiles(string asset, int status)
    {
        var context = Context("GET", null, []);

        await UiAssetFunction.UiAsset(context.Request, asset).ExecuteAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
    }

    [Fact]
    public async Task Embed_ServesTheComponentReadableFromAnyOrigin()
    {
        var context = Context("GET", null, []);

        await EmbedFunction.Embed(context.Request, "badge.js").ExecuteAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("*", context.Response.Headers.AccessControlAllowOrigin.ToString());
        Assert.Contains("immutable", context.Response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        Assert.True(context.Response.Body.Length > 1000);
    }

    private DefaultHttpContext Context(string method, string? contentType, byte[] body) =>
        Context(method, contentType, new MemoryStream(body));

    private DefaultHttpContext Context(string method, string? contentType, Stream body)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Method = method;
        context.Request.ContentType = contentType;
        context.Request.Body = body;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<JsonElement> ExecuteAsync(IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        using var doc = await JsonDocument.ParseAsync(context.Response.Body);
        return doc.RootElement.Clone();
    }

    /// <summary>Proves a body was never read.</summary>
    private sealed class ThrowingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("the body must not be read");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the body must not be read");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the body must not be read");
    }
}
