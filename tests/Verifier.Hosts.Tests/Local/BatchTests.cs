using Verifier.Core.Baking;

namespace Verifier.Hosts.Tests.Local;

/// <summary>POST /api/verify/batch on the real local host: NDJSON lines as items finish, limits before the first line.</summary>
public sealed class BatchTests(SmallBatchFactory host) : SocketHostTests<SmallBatchFactory>(host)
{
    [Fact]
    public async Task Batch_MixedItems_AnswersOneLinePerItemWithIndexNameAndOutcome()
    {
        Assert.True(BadgeBaker.TryBake(Fixtures.Png(), Host.Site.SignedAssertion(), out var png, out var error), error);
        var items = new JsonArray(
            new JsonObject { ["name"] = "baked.png", ["image"] = Convert.ToBase64String(png) },
            new JsonObject { ["name"] = "hosted", ["url"] = Ob2Site.HostedUrl },
            new JsonObject { ["name"] = "nothing" });

        using var response = await Client.PostAsync("/api/verify/batch", Api.Text(items.ToJsonString(), "application/json"));
        var lines = await LinesAsync(response);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0, 1, 2], lines.Select(l => l.GetProperty("index").GetInt32()).Order());
        var byName = lines.ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal("valid", byName["baked.png"].GetProperty("outcome").GetString());
        Assert.Equal("signed", byName["baked.png"].GetProperty("report").GetProperty("verification").GetProperty("method").GetString());
        Assert.Equal("valid", byName["hosted"].GetProperty("report").GetProperty("outcome").GetString());
        Assert.Equal("error", byName["nothing"].GetProperty("outcome").GetString());
        Assert.Equal("nothing-verifiable", byName["nothing"].GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("", "authenticity")]
    [InlineData("?profile=conformance", "conformance")]
    public async Task Batch_QueryProfile_ReachesEveryItemAndEachReportNamesItsInput(string query, string profile)
    {
        var items = new JsonArray(
            new JsonObject { ["name"] = "jws", ["jws"] = Host.Site.SignedAssertion() },
            new JsonObject { ["name"] = "hosted", ["url"] = Ob2Site.HostedUrl });

        using var response = await Client.PostAsync("/api/verify/batch" + query, Api.Text(items.ToJsonString(), "application/json"));
        var lines = await LinesAsync(response);

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l =>
        {
            var report = l.GetProperty("report");
            Assert.Equal(profile, report.GetProperty("profile").GetString());
            Assert.Equal(l.GetProperty("name").GetString(), report.GetProperty("input").GetProperty("name").GetString());
        });
    }

    [Fact]
    public async Task Batch_NdjsonWithABrokenLine_TheLineIsAnErrorAndTheOthersAreVerified()
    {
        var body = $"{{\"name\":\"jws\",\"jws\":\"{Host.Site.SignedAssertion()}\"}}\n{{not json\n\n{{\"json\":{Ob2Site.Assertion(signed: false).ToJsonString()}}}\n";

        using var response = await Client.PostAsync("/api/verify/batch", Api.Text(body, "application/x-ndjson"));
        var lines = (await LinesAsync(response)).OrderBy(l => l.GetProperty("index").GetInt32()).ToList();

        Assert.Equal(["valid", "error", "valid"], lines.Select(l => l.GetProperty("outcome").GetString()));
        Assert.Equal("bad-item", lines[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, lines[2].GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task Batch_FirstItemWaitsOnItsIssuer_OtherLinesArriveFirst()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Host.Site.Server.Map("/slow-batch.json", async context =>
        {
            await release.Task;
            context.Response.StatusCode = 404;
        });
        var items = new JsonArray(
            new JsonObject { ["name"] = "slow", ["url"] = Ob2Site.Origin + "/slow-batch.json" },
            new JsonObject { ["name"] = "fast", ["url"] = Ob2Site.HostedUrl });

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/verify/batch") { Content = Api.Text(items.ToJsonString(), "application/json") };
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = JsonDocument.Parse((await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)))!).RootElement.Clone();
        release.SetResult();
        var second = JsonDocument.Parse((await reader.ReadLineAsync())!).RootElement.Clone();

        Assert.Equal("fast", first.GetProperty("name").GetString());
        Assert.Equal("slow", second.GetProperty("name").GetString());
        Assert.Equal("invalid", second.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Batch_MoreItemsThanAllowed_Returns413BeforeVerifyingAny()
    {
        var items = string.Join('\n', Enumerable.Range(0, 4).Select(i => $"{{\"url\":\"{Ob2Site.Origin}/count-{i}.json\"}}"));

        using var response = await Client.PostAsync("/api/verify/batch", Api.Text(items, "application/x-ndjson"));

        await Api.AssertProblemAsync(response, 413, "batch-too-large");
        Assert.Equal(0, Host.Site.Server.Hits("/count-0.json"));
    }

    [Fact]
    public async Task Batch_BodyOverTheBatchCap_Returns413()
    {
        var items = new JsonArray(new JsonObject { ["input"] = new string('x', 5000) });

        using var response = await Client.PostAsync("/api/verify/batch", Api.Text(items.ToJsonString(), "application/json"));

        await Api.AssertProblemAsync(response, 413, "body-too-large");
    }

    [Fact]
    public async Task Batch_NotAnArrayOrLines_Returns400()
    {
        using var response = await Client.PostAsync("/api/verify/batch", Api.Text("[{\"url\": ", "application/json"));

        await Api.AssertProblemAsync(response, 400, "bad-batch");
    }

    [Fact]
    public async Task Batch_WrongMediaType_Returns415()
    {
        using var response = await Client.PostAsync("/api/verify/batch", Api.Bytes(Fixtures.Png(), "image/png"));

        await Api.AssertProblemAsync(response, 415, "unsupported-media-type");
    }

    [Fact]
    public async Task Batch_FromADisplayerSite_CarriesCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/verify/batch")
        {
            Content = Api.Text($"[{{\"url\":\"{Ob2Site.HostedUrl}\"}}]", "application/json"),
        };
        request.Headers.Add("Origin", "https://displayer.example");

        using var response = await Client.SendAsync(request);
        await LinesAsync(response);

        Assert.Equal("*", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    private static async Task<List<JsonElement>> LinesAsync(HttpResponseMessage response)
    {
        Assert.Equal(200, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }
}
