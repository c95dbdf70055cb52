namespace Verifier.Hosts.Tests.Local;

/// <summary>CORS: any origin by default (without credentials), a configured list otherwise; preflight on every route.</summary>
public sealed class CorsTests(LocalHostFactory host) : SocketHostTests<LocalHostFactory>(host)
{
    [Theory]
    [InlineData("/api/verify", "POST")]
    [InlineData("/api/verify", "GET")]
    [InlineData("/api/unbake", "POST")]
    [InlineData("/api/health", "GET")]
    public async Task Preflight_AnyOrigin_AllowsTheMethod(string path, string method)
    {
        using var request = Preflight(path, "https://anywhere.example", method);

        using var response = await Client.SendAsync(request);

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("content-type", Header(response, "Access-Control-Allow-Headers"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Post_WithOrigin_CarriesAllowOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/verify") { Content = Api.Text(Fixtures.Ob2Assertion, "application/json") };
        request.Headers.Add("Origin", "https://displayer.example");

        using var response = await Client.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Problem_WithOrigin_CarriesAllowOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/verify") { Content = Api.Bytes([], "application/json") };
        request.Headers.Add("Origin", "https://displayer.example");

        using var response = await Client.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    internal static HttpRequestMessage Preflight(string path, string origin, string method)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    internal static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}

public sealed class RestrictedCorsTests(RestrictedCorsFactory host) : SocketHostTests<RestrictedCorsFactory>(host)
{
    [Fact]
    public async Task Preflight_AllowedOrigin_EchoesItAndVariesOnOrigin()
    {
        using var request = CorsTests.Preflight("/api/verify", RestrictedCorsFactory.AllowedOrigin, "POST");

        using var response = await Client.SendAsync(request);

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal(RestrictedCorsFactory.AllowedOrigin, CorsTests.Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Origin", CorsTests.Header(response, "Vary"));
    }

    [Fact]
    public async Task Preflight_OtherOrigin_GetsNoCorsHeaders()
    {
        using var request = CorsTests.Preflight("/api/verify", "https://evil.example", "POST");

        using var response = await Client.SendAsync(request);

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Null(CorsTests.Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(CorsTests.Header(response, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Get_OtherOrigin_IsAnsweredWithoutAllowOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await Client.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Null(CorsTests.Header(response, "Access-Control-Allow-Origin"));
    }
}
