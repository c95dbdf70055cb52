namespace Verifier.Core.Tests.Engine;

public class BadgeVerifierTests
{
    [Fact]
    public async Task VerifyAsync_GarbageBytes_IsInvalidWithFormatCheck()
    {
        using var sp = EngineFactory.Build();
        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromBytes("not a badge at all"u8.ToArray()),
        });

        Assert.Equal(VerificationOutcome.Invalid, report.Outcome);
        Assert.False(report.Valid);
        Assert.Contains(report.Checks, c => c.Id == InputResolver.Ids.Format && c.Outcome == CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_UnreachableUrl_IsIndeterminate()
    {
        await using var server = await LoopbackServer.StartAsync();
        var url = server.Url("/gone-away");
        await server.DisposeAsync();
        using var sp = EngineFactory.Build(server);

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromUrl(url),
        });

        Assert.Equal(VerificationOutcome.Indeterminate, report.Outcome);
        Assert.Contains(report.Checks, c => c.Id == InputResolver.Ids.Fetch && c.Indeterminate);
    }

    [Fact]
    public async Task VerifyAsync_LoopbackUrlWithoutOptIn_IsRefused()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/a.json", "{}");
        using var sp = EngineFactory.Build();

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromUrl(server.Url("/a.json")),
        });

        Assert.Equal(VerificationOutcome.Invalid, report.Outcome);
        Assert.Equal(0, server.Hits("/a.json"));
    }
}
