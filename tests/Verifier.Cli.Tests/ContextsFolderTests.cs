using Verifier.LinkedData.Contexts;

namespace Verifier.Cli.Tests;

/// <summary>
/// The committed contexts/ folder every host carries: each file is the document pinned for its URL (digest checked
/// here as the engine checks it at run time), the build copies it beside obverify, and <c>contexts import</c> keeps
/// only pinned documents.
/// </summary>
public sealed class ContextsFolderTests : WithTempFiles
{
    private static string Committed { get; } = Path.Combine(Path.GetDirectoryName(Obverify.Dll)!, "..", "..", "..", "..", "..", "contexts");

    [Fact]
    public void CommittedFolder_EveryEntry_MatchesItsPinnedDigest()
    {
        var index = Index(Committed);

        Assert.True(index.Count >= 20, $"{index.Count} contexts");
        Assert.All(index, entry =>
        {
            var parsed = ContextDocuments.Parse(entry.Key, File.ReadAllBytes(Path.Combine(Committed, entry.Value)));
            Assert.True(parsed.IsSuccess, parsed.Error);
            Assert.Contains(PinnedContextLoader.Digest(parsed.Document!), PinnedContexts.Default[entry.Key]);
        });
    }

    [Theory]
    [InlineData("https://www.w3.org/ns/credentials/v2")]
    [InlineData("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")]
    [InlineData("https://w3id.org/security/data-integrity/v2")]
    [InlineData("https://w3id.org/security/multikey/v1")]
    [InlineData("https://www.w3.org/ns/credentials/status/v1")]
    public void BuildOutput_CarriesTheContextsOfAnOb3DataIntegrityCredential(string url) =>
        Assert.Contains(url, Index(Path.Combine(Path.GetDirectoryName(Obverify.Dll)!, "contexts")).Keys);

    [Fact]
    public async Task Import_PinnedAndForeignDocuments_KeepsOnlyThePinned()
    {
        var source = Path.Combine(Path.GetDirectoryName(Files.Write("marker", ""))!, "source");
        Directory.CreateDirectory(source);
        File.Copy(Path.Combine(Committed, Index(Committed)["https://www.w3.org/ns/did/v1"]), Path.Combine(source, "did.jsonld"));
        File.WriteAllText(Path.Combine(source, "forged.jsonld"), """{"@context":{"id":"@id","name":"https://evil.example/name"}}""");
        var target = Path.Combine(source, "..", "out");

        var run = await Obverify.RunAsync(["contexts", "import", source, target]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["https://www.w3.org/ns/did/v1"], Index(target).Keys);
        Assert.Contains("forged.jsonld: matches no pinned digest", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WrongSetting_Exit2WithOneLineNamingIt()
    {
        var badge = Files.Write("badge.json", "{}");

        var run = await Obverify.RunAsync(["verify", badge], environment: new Dictionary<string, string> { ["Verifier__RequestDeadline"] = "00:00:00" });

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("obverify: invalid setting: Verifier:RequestDeadline must be", line, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Index(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "index.json")));
        return doc.RootElement.GetProperty("contexts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
