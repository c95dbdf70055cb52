namespace Verifier.Cli.Tests;

public sealed class VerifyCommandTests : WithTempFiles
{
    [Fact]
    public async Task Verify_InvalidBadge_Exits1AndNamesTheFailedCheck()
    {
        var badge = Files.Write("badge.json", Badges.UnverifiableAssertion);

        var run = await Obverify.RunAsync(["verify", badge]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{badge}: INVALID", run.Stdout);
        Assert.Contains("FAILED", run.Stdout);
    }

    [Fact]
    public async Task Verify_GarbageFile_Exits1WithInputFormatCheck()
    {
        var garbage = Files.Write("garbage.bin", "this is not a badge at all");

        var run = await Obverify.RunAsync(["verify", garbage]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("input.format", run.Stdout);
    }

    [Fact]
    public async Task Verify_MissingFile_Exits2AndSaysWhy()
    {
        var run = await Obverify.RunAsync(["verify", Files.PathOf("nope.png")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Stderr);
    }

    [Fact]
    public async Task Verify_MissingAmongReadable_Exits2AndListsItAsAnErrorResult()
    {
        var badge = Files.Write("badge.json", Badges.UnverifiableAssertion);
        var missing = Files.PathOf("nope.json");

        var run = await Obverify.RunAsync(["verify", badge, missing, "--format", "json"]);

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        var error = json.RootElement[1];
        Assert.Equal("error", error.GetProperty("outcome").GetString());
        Assert.False(error.GetProperty("valid").GetBoolean());
        Assert.Equal(missing, error.GetProperty("input").GetProperty("name").GetString());
        Assert.Equal("input.read", error.GetProperty("checks")[0].GetProperty("id").GetString());
        Assert.Equal("no such file", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Verify_FormatJson_EachReportNamesItsInput()
    {
        var first = Files.Write("first.json", Badges.UnverifiableAssertion);
        var second = Files.Write("second.json", Badges.UnverifiableAssertion);

        var run = await Obverify.RunAsync(["verify", first, second, "--format", "json"]);

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal([first, second], json.RootElement.EnumerateArray().Select(r => r.GetProperty("input").GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("verify")]
    [InlineData("verify x.json --format xml")]
    [InlineData("verify x.json --at tomorrow")]
    [InlineData("verify x.json --no-such-option")]
    [InlineData("frobnicate")]
    public async Task UsageError_Exits2(string commandLine)
    {
        var run = await Obverify.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Stderr);
    }

    [Fact]
    public async Task Help_Exits0()
    {
        var run = await Obverify.RunAsync(["verify", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--recipient", run.Stdout);
    }

    [Fact]
    public async Task Verify_FormatJson_OneInput_WritesOneReport()
    {
        var badge = Files.Write("badge.json", Badges.UnverifiableAssertion);

        var run = await Obverify.RunAsync(["verify", badge, "--format", "json", "--recipient", "ada@example.org", "--strict", "--at", "2025-01-31T00:00:00Z", "--verbose"]);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("invalid", json.RootElement.GetProperty("outcome").GetString());
        Assert.True(json.RootElement.GetProperty("checks").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Verify_FormatJson_SeveralInputs_WritesAnArrayInArgumentOrder()
    {
        var badge = Files.Write("badge.json", Badges.UnverifiableAssertion);
        var garbage = Files.Write("garbage.txt", "garbage");

        var run = await Obverify.RunAsync(["verify", badge, garbage, "-f", "json"]);

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        Assert.Equal("json", json.RootElement[0].GetProperty("input").GetProperty("format").GetString());
        Assert.Equal("unknown", json.RootElement[1].GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Verify_Stdin_ReadsTheBadgeFromStandardInput()
    {
        var run = await Obverify.RunAsync(["verify", "-", "--format", "json"], stdin: Badges.UnverifiableAssertion);

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("json", json.RootElement.GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Verify_FormatSarif_IsSarif210WithAResultPerFailedCheck()
    {
        var badge = Files.Write("badge.json", Badges.UnverifiableAssertion);
        var garbage = Files.Write("garbage.txt", "garbage");
        var expected = await CountFailedChecksAsync(badge, garbage);

        var run = await Obverify.RunAsync(["verify", badge, garbage, "--format", "sarif"]);

        Assert.Equal(1, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("obverify", sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var results = sarifRun.GetProperty("results");
        Assert.Equal(expected, results.GetArrayLength());
        var ruleIds = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
        Assert.All(results.EnumerateArray(), r =>
        {
            Assert.Contains(r.GetProperty("ruleId").GetString(), ruleIds);
            Assert.Equal("error", r.GetProperty("level").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("message").GetProperty("text").GetString()));
        });
        Assert.Contains(results.EnumerateArray(), r =>
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == garbage);
    }

    [Fact]
    public async Task Verify_FormatSarif_UnreadableInputIsANotificationAndAResultAtTheInput()
    {
        var missing = Files.PathOf("nope.json");

        var run = await Obverify.RunAsync(["verify", missing, "--format", "sarif"]);

        Assert.Equal(2, run.ExitCode);
        using var sarif = JsonDocument.Parse(run.Stdout);
        var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(1, invocation.GetProperty("toolExecutionNotifications").GetArrayLength());
        var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("input.read", result.GetProperty("ruleId").GetString());
        Assert.Equal(missing, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Verify_FormatJUnit_IsXmlWithATestcasePerCheckAndFailures()
    {
        var badge = Files.Write("badge.json", Badges.UnverifiableAssertion);
        var garbage = Files.Write("garbage.txt", "garbage");
        var expected = await CountFailedChecksAsync(badge, garbage);

        var run = await Obverify.RunAsync(["verify", badge, garbage, "--format", "junit"]);

        Assert.Equal(1, run.ExitCode);
        var xml = XDocument.Parse(run.Stdout);
        Assert.Equal("testsuites", xml.Root!.Name.LocalName);
        var suites = xml.Root.Elements("testsuite").ToList();
        Assert.Equal(2, suites.Count);
        Assert.Equal(badge, suites[0].Attribute("name")!.Value);
        Assert.All(suites, s => Assert.Equal(s.Elements("testcase").Count(), int.Parse(s.Attribute("tests")!.Value, System.Globalization.CultureInfo.InvariantCulture)));
        var failures = xml.Descendants("testcase").Count(t => t.Element("failure") is not null || t.Element("error") is not null);
        Assert.Equal(expected, failures);
    }

    [Fact]
    public async Task Verify_OutputFile_WritesThereAndNotToStdout()
    {
        var badge = Files.Write("badge.json", Badges.UnverifiableAssertion);
        var output = Files.PathOf("report.json");

        var run = await Obverify.RunAsync(["verify", badge, "--format", "json", "--output", output]);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout.Trim());
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        Assert.Equal("invalid", json.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Verify_UrlAnswering503_Exits3Indeterminate()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapStatus("/badge.json", 503);

        var run = await Obverify.RunAsync(
            ["verify", server.Url("/badge.json").AbsoluteUri, "--format", "json"],
            environment: new Dictionary<string, string> { ["Verifier__Fetch__AllowLoopback"] = "true" });

        Assert.Equal(3, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("indeterminate", json.RootElement.GetProperty("outcome").GetString());
        Assert.True(server.Hits("/badge.json") >= 1);
    }

    [Fact]
    public async Task Verify_LoopbackUrlWithoutOptIn_IsRefusedAndNeverReached()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/badge.json", Badges.UnverifiableAssertion);

        var run = await Obverify.RunAsync(["verify", server.Url("/badge.json").AbsoluteUri]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(0, server.Hits("/badge.json"));
    }

    private static async Task<int> CountFailedChecksAsync(params string[] inputs)
    {
        var run = await Obverify.RunAsync(["verify", .. inputs, "--format", "json"]);
        using var json = JsonDocument.Parse(run.Stdout);
        var reports = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToList() : [json.RootElement];
        var failed = reports.Sum(r => r.GetProperty("checks").EnumerateArray().Count(c => c.GetProperty("outcome").GetString() == "failed"));
        Assert.True(failed > 0);
        return failed;
    }
}
