namespace Verifier.Cli.Tests;

/// <summary>Directories and quoted globs as inputs: every badge file they hold, in a stable order, each named.</summary>
public sealed class InputsTests : WithTempFiles
{
    [Fact]
    public async Task Verify_Directory_VerifiesEveryBadgeFileUnderItInOrdinalOrder()
    {
        Files.Write("b.json", Badges.UnverifiableAssertion);
        Files.Write("a.jws", "not.a.jws");
        Files.Write("notes.txt", "not a badge, not a badge extension");
        Directory.CreateDirectory(Files.PathOf("nested"));
        Files.Write(Path.Combine("nested", "c.json"), Badges.UnverifiableAssertion);

        var run = await Obverify.RunAsync(["verify", Files.PathOf(string.Empty), "--format", "json"]);

        var names = Names(run.Stdout);
        Assert.Equal([Files.PathOf("a.jws"), Files.PathOf("b.json"), Files.PathOf(Path.Combine("nested", "c.json"))], names);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Verify_QuotedGlob_VerifiesEveryMatch()
    {
        Files.Write("one.json", Badges.UnverifiableAssertion);
        Files.Write("two.json", Badges.UnverifiableAssertion);
        Files.Write("three.png", Badges.BrokenPng);

        var run = await Obverify.RunAsync(["verify", Files.PathOf("*.json"), "--format", "junit"]);

        var suites = XDocument.Parse(run.Stdout).Root!.Elements("testsuite").Select(s => (string?)s.Attribute("name"));
        Assert.Equal([Files.PathOf("one.json"), Files.PathOf("two.json")], suites);
    }

    [Theory]
    [InlineData("*.png")]
    [InlineData("missing-folder/**/*.json")]
    public async Task Verify_GlobMatchingNothing_IsAnErrorResultAndExits2(string glob)
    {
        var pattern = Files.PathOf(glob);

        var run = await Obverify.RunAsync(["verify", pattern, "--format", "json"]);

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("error", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(pattern, json.RootElement.GetProperty("input").GetProperty("name").GetString());
        Assert.Contains("matches no file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DirectoryWithoutBadgeFiles_IsAnErrorResultAndExits2()
    {
        Files.Write("readme.txt", "nothing here");

        var run = await Obverify.RunAsync(["verify", Files.PathOf(string.Empty)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds no badge files", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ManyInputsWithStderrRedirected_PrintsNoProgressLine()
    {
        for (var i = 0; i < 5; i++)
        {
            Files.Write($"badge{i}.json", Badges.UnverifiableAssertion);
        }

        var run = await Obverify.RunAsync(["verify", Files.PathOf(string.Empty)]);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("verified", run.Stderr, StringComparison.Ordinal);
    }

    private static List<string?> Names(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        return [.. json.RootElement.EnumerateArray().Select(r => r.GetProperty("input").GetProperty("name").GetString())];
    }
}
