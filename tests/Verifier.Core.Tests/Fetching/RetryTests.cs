using Microsoft.AspNetCore.Http;

namespace Verifier.Core.Tests.Fetching;

/// <summary>
/// Which answers are retried (only what another identical GET may fix) and that retries stay inside the caller's
/// deadline; 4xx answers are answers, never retried.
/// </summary>
public sealed class RetryTests
{
    [Theory]
    [InlineData(500, 3)]
    [InlineData(502, 3)]
    [InlineData(503, 3)]
    [InlineData(504, 3)]
    [InlineData(501, 1)]
    [InlineData(429, 1)]
    [InlineData(408, 1)]
    public async Task FetchAsync_ServerCannotAnswer_IsUnavailableAndRetriedOnlyWhenWorthIt(int status, int expectedHits)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapStatus("/x", status);
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.RetryCount = 2; });

        var result = await services.Guarded().FetchAsync(server.Url("/x"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Unavailable, result.Status);
        Assert.Equal(status, result.HttpStatusCode);
        Assert.Equal(expectedHits, server.Hits("/x"));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(400)]
    [InlineData(403)]
    public async Task FetchAsync_ClientError_IsHttpErrorNeverRetried(int status)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/x", "{\"revoked\":true}", status);
        using var services = FetchTestHost.Build(o => { o.AllowLoopback = true; o.RetryCount = 2; });

        var result = await services.Guarded().FetchAsync(server.Url("/x"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.HttpError, result.Status);
        Assert.False(result.IsTransient);
        Assert.Equal(status, result.HttpStatusCode);
        Assert.Equal("{\"revoked\":true}", Encoding.UTF8.GetString(result.Body.Span));
        Assert.Equal(1, server.Hits("/x"));
    }

    [Fact]
    public async Task FetchAsync_TransientThenOk_ReturnsOk()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Map("/flaky", async ctx =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.StatusCode = 503;
                return;
            }

            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{}");
        });
        using var services = FetchTestHost.Build(o => o.AllowLoopback = true);

        var result = await services.Guarded().FetchAsync(server.Url("/flaky"), FetchKind.Document, CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(2, server.Hits("/flaky"));
    }

    [Fact]
    public async Task FetchAsync_DeadlinePassesDuringRetryBackoff_Throws()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapStatus("/x", 503);
        using var services = FetchTestHost.Build(o =>
        {
            o.AllowLoopback = true;
            o.RetryCount = 5;
            o.RetryBaseDelay = TimeSpan.FromMinutes(10);
        });
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2)); // the first 503 surely arrives first

        // The backoff waits on the caller's token: retries never outlive the verification's deadline.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            services.Guarded().FetchAsync(server.Url("/x"), FetchKind.Document, deadline.Token));
        Assert.Equal(1, server.Hits("/x"));
    }

}
