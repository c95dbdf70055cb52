using System.Diagnostics;
using Verifier.LinkedData.Rdf.Canonicalization;
using Xunit.Abstractions;

namespace Verifier.LinkedData.Tests.Canonicalization;

/// <summary>
/// The W3C RDFC-1.0 test suite (../shared/vectors/rdf-canon): eval tests compare canonical N-Quads byte for byte,
/// map tests compare the issued identifiers, the negative (poison) test must end with an error, quickly.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class RdfCanonConformanceTests(ITestOutputHelper output)
{
    // Committed floors: the whole suite passes; a regression lowers the count and fails the build.
    private const int EvalFloor = 64;
    private const int MapFloor = 21;
    private const int NegativeFloor = 1;

    [SkippableFact]
    public void Manifest_EveryEntry_MatchesExpectedResult()
    {
        var root = SharedFolder.Require("vectors/rdf-canon/tests");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "manifest.jsonld")));
        var passed = new Dictionary<string, int> { ["eval"] = 0, ["map"] = 0, ["negative"] = 0 };
        var failures = new List<string>();
        foreach (var entry in manifest.RootElement.GetProperty("entries").EnumerateArray())
        {
            var id = entry.GetProperty("id").GetString()!;
            var type = entry.GetProperty("type").GetString()!;
            var options = new Rdfc10Options
            {
                HashAlgorithm = entry.TryGetProperty("hashAlgorithm", out var h) && h.GetString() == "SHA384"
                    ? RdfcHashAlgorithm.Sha384
                    : RdfcHashAlgorithm.Sha256,
            };
            var input = NQuadsParser.Parse(File.ReadAllText(Path.Combine(root, entry.GetProperty("action").GetString()!)));
            var result = Rdfc10.Canonicalize(input, options);
            var (kind, ok) = type switch
            {
                "rdfc:RDFC10EvalTest" => ("eval", result.NQuads == ReadExpected(root, entry)),
                "rdfc:RDFC10MapTest" => ("map", MapMatches(result, ReadExpected(root, entry))),
                "rdfc:RDFC10NegativeEvalTest" => ("negative", !result.Succeeded),
                _ => throw new InvalidOperationException($"unknown test type {type}"),
            };
            if (ok)
            {
                passed[kind]++;
            }
            else
            {
                failures.Add($"{id} ({kind}): {result.Error}");
            }
        }

        output.WriteLine($"rdf-canon: eval {passed["eval"]}, map {passed["map"]}, negative {passed["negative"]} passed");
        failures.ForEach(output.WriteLine);
        Assert.True(passed["eval"] >= EvalFloor, $"eval passed {passed["eval"]} < floor {EvalFloor}: {string.Join("; ", failures)}");
        Assert.True(passed["map"] >= MapFloor, $"map passed {passed["map"]} < floor {MapFloor}: {string.Join("; ", failures)}");
        Assert.True(passed["negative"] >= NegativeFloor, $"negative passed {passed["negative"]} < floor {NegativeFloor}");
    }

    [SkippableFact]
    public void PoisonClique_DefaultBound_FailsFast()
    {
        var root = SharedFolder.Require("vectors/rdf-canon/tests/rdfc10/test074-in.nq");
        var input = NQuadsParser.Parse(File.ReadAllText(root));

        var clock = Stopwatch.StartNew();
        var result = Rdfc10.Canonicalize(input);
        clock.Stop();

        Assert.False(result.Succeeded);
        Assert.Contains("work bound", result.Error, StringComparison.Ordinal);
        output.WriteLine($"poison clique rejected after {clock.ElapsedMilliseconds} ms");
    }

    private static string ReadExpected(string root, JsonElement entry) =>
        File.ReadAllText(Path.Combine(root, entry.GetProperty("result").GetString()!));

    private static bool MapMatches(RdfcResult result, string expectedJson)
    {
        var expected = JsonSerializer.Deserialize<Dictionary<string, string>>(expectedJson)!;
        return result.Succeeded
            && expected.Count == result.CanonicalIdentifiers.Count
            && expected.All(kv => result.CanonicalIdentifiers.TryGetValue(kv.Key, out var v) && v == kv.Value);
    }
}
