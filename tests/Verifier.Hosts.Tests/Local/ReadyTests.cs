using Verifier.Core.Engine;

namespace Verifier.Hosts.Tests.Local;

/// <summary>/api/health/ready over a real socket: per-dependency status, 503 when one failed.</summary>
public sealed class ReadyTests(LocalHostFactory host) : SocketHostTests<LocalHostFactory>(host)
{
    [Fact]
    public async Task Ready_PackagedContexts_ReadyWithTheContextsDependency()
    {
        using var response = await Client.GetAsync("/api/health/ready");

        Assert.Equal(200, (int)response.StatusCode);
        var body = await Api.ReadAsync(response);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        var contexts = body.GetProperty("dependencies").GetProperty("contexts");
        Assert.True(contexts.GetProperty("status").GetString() is "ok" or "degraded");
        Assert.Contains("pinned contexts in", contexts.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_OneDependencyFailed_Answers503NamingIt()
    {
        await using var failing = new FailingDependencyFactory();
        using var client = failing.CreateSocketClient();

        using var response = await client.GetAsync("/api/health/ready");

        Assert.Equal(503, (int)response.StatusCode);
        var body = await Api.ReadAsync(response);
        Assert.Equal("not-ready", body.GetProperty("status").GetString());
        Assert.Equal("failed", body.GetProperty("dependencies").GetProperty("registry").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_OneDependencyFailed_LivenessStillOk()
    {
        await using var failing = new FailingDependencyFactory();
        using var client = failing.CreateSocketClient();

        using var response = await client.GetAsync("/api/health");

        Assert.Equal(200, (int)response.StatusCode);
    }

    private sealed class FailingDependencyFactory : LocalHostFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IReadinessCheck, FailingCheck>());
        }
    }

    private sealed class FailingCheck : IReadinessCheck
    {
        public string Name => "registry";

        public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(ReadinessResult.Failed("unreachable"));
    }
}
