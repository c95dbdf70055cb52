namespace Verifier.Hosts.Tests.Local;

/// <summary>GET /api/verify?url=… and POSTed URLs, fetched from a real loopback server.</summary>
public sealed class VerifyGetTests(LocalHostFactory host) : SocketHostTests<LocalHostFactory>(host), IAsyncLifetime
{
    private LoopbackServer _issuer = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LoopbackServer.StartAsync();
        _issuer.MapJson("/assertion.json", Fixtures.Ob2Assertion);
    }

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task Get_Url_FetchesAndReportsIt()
    {
        var url = _issuer.Url("/assertion.json");

        using var response = await Client.GetAsync("/api/verify?url=" + Uri.EscapeDataString(url.AbsoluteUri));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal(url.AbsoluteUri, report.GetProperty("input").GetProperty("url").GetString());
        Assert.True(_issuer.Hits("/assertion.json") >= 1);
    }

    [Fact]
    public async Task Post_UrlAsText_FetchesAndReportsIt()
    {
        var url = _issuer.Url("/assertion.json");

        using var response = await Client.PostAsync("/api/verify", Api.Text(url.AbsoluteUri, "text/plain"));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal(url.AbsoluteUri, report.GetProperty("input").GetProperty("url").GetString());
        Assert.True(_issuer.Hits("/assertion.json") >= 1);
    }

    [Fact]
    public async Task Get_UnreachableUrl_IsAReportNotAnError()
    {
        using var response = await Client.GetAsync("/api/verify?url=" + Uri.EscapeDataString(_issuer.Url("/missing.json").AbsoluteUri));

        var report = await Api.AssertReportAsync(response);
        Assert.NotEqual("valid", report.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Get_WithoutUrl_Returns400()
    {
        using var response = await Client.GetAsync("/api/verify");

        await Api.AssertProblemAsync(response, 400, "nothing-verifiable");
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://issuer.example/badge.json")]
    [InlineData("not a url")]
    public async Task Get_NonHttpUrl_Returns400(string url)
    {
        using var response = await Client.GetAsync("/api/verify?url=" + Uri.EscapeDataString(url));

        await Api.AssertProblemAsync(response, 400, "bad-parameter");
    }

    [Fact]
    public async Task Get_BadAt_Returns400()
    {
        using var response = await Client.GetAsync("/api/verify?at=soon&url=" + Uri.EscapeDataString(_issuer.Url("/assertion.json").AbsoluteUri));

        await Api.AssertProblemAsync(response, 400, "bad-parameter");
        Assert.Equal(0, _issuer.Hits("/assertion.json"));
    }
}
