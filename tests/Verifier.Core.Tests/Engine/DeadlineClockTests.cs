namespace Verifier.Core.Tests.Engine;

/// <summary>The verification deadline runs on the injected TimeProvider, not the wall clock.</summary>
public class DeadlineClockTests
{
    [Fact]
    public async Task VerifyAsync_InjectedClockPassesTheDeadline_IsIndeterminate()
    {
        await using var server = await LoopbackServer.StartAsync();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Map("/hang.json", async ctx =>
        {
            reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddVerifierEngine();
        services.Configure<VerifierOptions>(o => o.Fetch.AllowLoopback = true);
        using var provider = services.BuildServiceProvider();

        var verification = provider.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromUrl(server.Url("/hang.json")) });
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(verification.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(10));
        var report = await verification.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(VerificationOutcome.Indeterminate, report.Outcome);
        Assert.Contains(report.Checks, c => c.Id == BadgeVerifier.DeadlineCheckId);
    }
}
