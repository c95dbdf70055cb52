using System.Text.Json;
using System.Xml.Linq;

namespace Verifier.Cli.Tests;

/// <summary>Directories and quoted globs as inputs: every badge file they hold, in a stable order, each named.</summary>
public sealed class InputsTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Verify_Directory_VerifiesEveryBadgeFileUnderItInOrdinalOrder()
    {
        _files.Write("b.json", Badges.UnverifiableAssertion);
        _files.Write("a.jws", "not.a.jws");
        _files.Write("notes.txt", "not a badge, not a badge extension");
        Directory.CreateDirectory(_files.PathOf("nested"));
        _files.Write(Path.Combine("nested", "c.json"), Badges.UnverifiableAssertion);

        var run = await Obverify.RunAsync(["verify", _files.PathOf(string.Empty), "--format", "json"]);

        var names = Names(run.Stdout);
        Assert.Equal([_files.PathOf("a.jws"), _files.PathOf("b.json"), _files.PathOf(Path.Combine("nested", "c.json"))], names);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Verify_QuotedGlob_VerifiesEveryMatch()
    {
        _files.Write("one.json", Badges.UnverifiableAssertion);
        _files.Write("two.json", Badges.UnverifiableAssertion);
        _files.Write("three.png", Badges.BrokenPng);

        var run = await Obverify.RunAsync(["verify", _files.PathOf("*.json"), "--format", "junit"]);

        var suites = XDocument.Parse(run.Stdout).Root!.Elements("testsuite").Select(s => (string?)s.Attribute("name"));
        Assert.Equal([_files.PathOf("one.json"), _files.PathOf("two.json")], suites);
    }

    [Theory]
    [InlineData("*.png")]
    [InlineData("missing-folder/**/*.json")]
    public async Task Verify_GlobMatchingNothing_IsAnErrorResultAndExits2(string glob)
    {
        var pattern = _files.PathOf(glob);

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
        _files.Write("readme.txt", "nothing here");

        var run = await Obverify.RunAsync(["verify", _files.PathOf(string.Empty)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds no badge files", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ManyInputsWithStderrRedirected_PrintsNoProgressLine()
    {
        for (var i = 0; i < 5; i++)
        {
            _files.Write($"badge{i}.json", Badges.UnverifiableAssertion);
        }

        var run = await Obverify.RunAsync(["verify", _files.PathOf(string.Empty)]);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("verified", run.Stderr, StringComparison.Ordinal);
    }

    private static List<string?> Names(string stdout)
    {
        using var json = JsonDocument.Parse(stdout);
        return [.. json.RootElement.EnumerateArray().Select(r => r.GetProperty("input").GetProperty("name").GetString())];
    }
}
