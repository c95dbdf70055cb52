namespace Verifier.Hosts.Tests.Local;

/// <summary>Bounded work: with every slot taken, a verification waits briefly, then gets 503 with Retry-After.</summary>
public sealed class RequestGateTests(SingleSlotFactory host) : SocketHostTests<SingleSlotFactory>(host)
{
    [Fact]
    public async Task Verify_AllSlotsBusy_Returns503ThenServesAgain()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Host.Site.Server.Map("/slow.json", async context =>
        {
            reached.TrySetResult();
            await release.Task;
            context.Response.StatusCode = 404;
        });

        // The first verification holds the only slot while the issuer "thinks".
        var first = Client.GetAsync("/api/verify?url=" + Uri.EscapeDataString(Ob2Site.Origin + "/slow.json"));
        await reached.Task;

        using (var second = await Client.PostAsync("/api/verify", Api.Text(Fixtures.Ob2Assertion, "application/json")))
        {
            await Api.AssertProblemAsync(second, 503, "busy");
            Assert.True(second.Headers.RetryAfter is not null);
        }

        using (var health = await Client.GetAsync("/api/health"))
        {
            Assert.Equal(200, (int)health.StatusCode); // never gated
        }

        release.SetResult();
        using (var done = await first)
        {
            await Api.AssertReportAsync(done);
        }

        using var third = await Client.PostAsync("/api/verify", Api.Text(Fixtures.Ob2Assertion, "application/json"));
        await Api.AssertReportAsync(third);
    }
}
