namespace Verifier.Hosts.Tests.Local;

/// <summary>The local host has no storage queue: the job routes are mapped (one contract) and answer 501, saying what to use.</summary>
public sealed class JobRoutesTests(LocalHostFactory host) : SocketHostTests<LocalHostFactory>(host)
{
    [Theory]
    [InlineData("POST", "/api/jobs")]
    [InlineData("GET", "/api/jobs/0123456789abcdef0123456789abcdef")]
    [InlineData("GET", "/api/jobs/0123456789abcdef0123456789abcdef/results")]
    public async Task JobRoute_LocalHost_Returns501NamingTheBatchRoute(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Api.Text("[{\"url\":\"https://issuer.example/a\"}]", "application/json") : null };

        using var response = await Client.SendAsync(request);

        var problem = await Api.AssertProblemAsync(response, 501, "jobs-unavailable");
        Assert.Contains("/api/verify/batch", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
