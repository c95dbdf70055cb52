namespace Verifier.Hosts.Tests.Local;

/// <summary>/api/unbake, /api/health and /api/openapi.json over a real socket.</summary>
public sealed class OtherRoutesTests(LocalHostFactory host) : SocketHostTests<LocalHostFactory>(host)
{
    [Fact]
    public async Task Health_AnswersOk()
    {
        using var response = await Client.GetAsync("/api/health");

        Assert.Equal(200, (int)response.StatusCode);
        var body = await Api.ReadAsync(response);
        Assert.Equal("ok", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_ServesTheDocumentAsJson()
    {
        using var response = await Client.GetAsync("/api/openapi.json");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await Api.ReadAsync(response);
        Assert.StartsWith("3.1", body.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task Unbake_PngWithoutBadge_Returns400()
    {
        using var response = await Client.PostAsync("/api/unbake", Api.Bytes(Fixtures.Png(), "image/png"));

        await Api.AssertProblemAsync(response, 400, "nothing-verifiable");
    }

    [Fact]
    public async Task Unbake_JsonDocument_Returns400PointingToVerify()
    {
        using var response = await Client.PostAsync("/api/unbake", Api.Text(Fixtures.Ob2Assertion, "application/json"));

        var problem = await Api.AssertProblemAsync(response, 400, "nothing-verifiable");
        Assert.Contains("/api/verify", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unbake_OverLimit_Returns413()
    {
        using var response = await Client.PostAsync("/api/unbake", Api.Bytes(new byte[LocalHostFactory.MaxBodyBytes + 1], "image/png"));

        await Api.AssertProblemAsync(response, 413, "body-too-large");
    }

    [Fact]
    public async Task Unbake_UnsupportedMediaType_Returns415()
    {
        using var response = await Client.PostAsync("/api/unbake", Api.Bytes(Encoding.ASCII.GetBytes("GIF89a"), "image/gif"));

        await Api.AssertProblemAsync(response, 415, "unsupported-media-type");
    }
}
