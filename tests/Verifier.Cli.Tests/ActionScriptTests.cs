using System.Diagnostics;

namespace Verifier.Cli.Tests;

/// <summary>
/// The GitHub Action's verifying step (scripts/obverify-action.sh) run as CI runs it, outside GitHub: on samples/, with
/// $GITHUB_OUTPUT pointing at a file, asserting the outputs, the report files and the fail-on rule.
/// </summary>
public sealed class ActionScriptTests : WithTempFiles
{
    [Fact]
    public async Task Action_SamplesWithInvalidOnes_WritesFilesSetsCountsAndFails()
    {
        var run = await RunAsync(new()
        {
            ["INPUT_BADGES"] = $"{Sample("*.json")}\n{Sample("ob3-did-key.png")} {Sample("ob3-did-jwk.svg")}",
            ["INPUT_FORMAT"] = "sarif, junit,json",
        });

        Assert.True(run.ExitCode == 1, run.Output);
        var outputs = Outputs();
        Assert.Equal("8", outputs["total"]);
        Assert.Equal("5", outputs["valid"]);
        Assert.Equal("3", outputs["invalid"]);
        Assert.Equal("0", outputs["error"]);
        using var sarif = JsonDocument.Parse(File.ReadAllText(outputs["sarif"]));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal(8, XDocument.Load(outputs["junit"]).Root!.Elements("testsuite").Count());
        using var json = JsonDocument.Parse(File.ReadAllText(outputs["json"]));
        Assert.Contains(json.RootElement.EnumerateArray(), r => r.GetProperty("input").GetProperty("name").GetString() == Sample("tampered.json"));
    }

    [Fact]
    public async Task Action_OnlyValidSamples_Passes()
    {
        var run = await RunAsync(new()
        {
            ["INPUT_BADGES"] = $"{Sample("ob3-*")} {Sample("clr.json")}",
            ["INPUT_RECIPIENT"] = "ada@example.org",
            ["INPUT_STRICT"] = "true",
        });

        Assert.True(run.ExitCode == 0, run.Output);
        var outputs = Outputs();
        Assert.Equal("5", outputs["valid"]);
        Assert.True(File.Exists(outputs["sarif"]));
        Assert.False(outputs.ContainsKey("json"));
    }

    [Theory]
    [InlineData(null, "conformance")] // an issuer's CI checks its own badges against every MUST by default
    [InlineData("authenticity", "authenticity")]
    public async Task Action_Profile_ReachesEveryReport(string? input, string expected)
    {
        var inputs = new Dictionary<string, string> { ["INPUT_BADGES"] = Sample("ob3-*"), ["INPUT_FORMAT"] = "json" };
        if (input is not null)
        {
            inputs["INPUT_PROFILE"] = input;
        }

        var run = await RunAsync(inputs);

        Assert.True(run.ExitCode == 0, run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Outputs()["json"]));
        Assert.All(json.RootElement.EnumerateArray(), r => Assert.Equal(expected, r.GetProperty("profile").GetString()));
    }

    [Fact]
    public async Task Action_UnreadableInput_FailsUnderTheDefaultFailOn()
    {
        var run = await RunAsync(new() { ["INPUT_BADGES"] = $"{Sample("ob3-did-key.json")} {Sample("nothing-*.png")}" });

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Equal("1", Outputs()["error"]);
    }

    [Theory]
    [InlineData("INPUT_FAIL_ON", "sometimes")]
    [InlineData("INPUT_FORMAT", "pdf")]
    [InlineData("INPUT_PROFILE", "friendly")]
    [InlineData("INPUT_BADGES", " ")]
    public async Task Action_BadInput_Exits2(string name, string value)
    {
        var run = await RunAsync(new() { ["INPUT_BADGES"] = Sample("ob3-did-key.json"), [name] = value });

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("obverify-action:", run.Output, StringComparison.Ordinal);
    }

    private string OutputFile => Files.PathOf("github-output");

    private Dictionary<string, string> Outputs() => File.ReadAllLines(OutputFile)
        .Select(l => l.Split('=', 2))
        .ToDictionary(p => p[0], p => Path.IsPathRooted(p[1]) || !p[1].Contains('/', StringComparison.Ordinal) ? p[1] : Files.PathOf(p[1]));

    private static string Sample(string name) => Path.Combine(Obverify.RepositoryRoot, "samples", name);

    private async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> inputs)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Files.PathOf(string.Empty),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Obverify.RepositoryRoot, "scripts", "obverify-action.sh"));
        start.Environment["OBVERIFY"] = $"dotnet {Obverify.Dll}";
        start.Environment["GITHUB_OUTPUT"] = OutputFile;
        foreach (var (key, value) in inputs)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
