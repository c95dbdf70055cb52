namespace Verifier.Core.Tests.Fetching;

/// <summary>Service limits as the engine applies them: the per-verification deadline and fetch scope.</summary>
public sealed class EngineFetchLimitsTests
{
    private static readonly string[] IssuerPaths = ["/assertions/1.json", "/badge.json", "/issuer.json"];

    [Fact]
    public async Task VerifyAsync_UpstreamHangsPastDeadline_IsIndeterminateAndFetchIsCancelled()
    {
        await using var server = await LoopbackServer.StartAsync();
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Map("/hang.json", async ctx =>
        {
            ctx.RequestAborted.Register(() => aborted.TrySetResult());
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        using var sp = EngineFactory.Build(server, configure: o =>
        {
            // Long enough for the request to reach the server even on a loaded machine; the upstream never answers.
            o.RequestDeadline = TimeSpan.FromSeconds(2);
            o.Fetch.Timeout = TimeSpan.FromMinutes(5);
        });

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromUrl(server.Url("/hang.json")),
        });

        Assert.Equal(VerificationOutcome.Indeterminate, report.Outcome);
        Assert.Contains(report.Checks, c => c.Id == BadgeVerifier.DeadlineCheckId);
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the upstream request itself was torn down
    }

    [Fact]
    public async Task VerifyAsync_MoreFetchesThanAllowed_LaterFetchesAreRefusedNotMade()
    {
        await using var issuer = await Ob2TestIssuer.StartAsync();
        issuer.Publish();
        issuer.Serve(Ob2TestIssuer.AssertionUrl, Ob2TestIssuer.Assertion());
        using var sp = EngineFactory.Build(issuer.Server, [Ob2TestIssuer.Host], configure: o => o.Fetch.MaxFetchesPerVerification = 2);

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromUrl(new Uri(Ob2TestIssuer.AssertionUrl)),
        });

        // A hosted 2.0 badge needs the assertion, its badge class and its issuer: the scope allowed two fetches.
        Assert.False(report.Valid);
        var fetched = IssuerPaths.Sum(issuer.Server.Hits);
        Assert.Equal(2, fetched);
        Assert.Contains(report.Checks, c => c.Message.Contains("fetches, the most allowed", StringComparison.Ordinal));
    }
}
