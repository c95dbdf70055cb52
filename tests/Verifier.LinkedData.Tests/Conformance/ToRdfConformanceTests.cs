using Xunit.Abstractions;

namespace Verifier.LinkedData.Tests.Conformance;

/// <summary>The W3C JSON-LD 1.1 toRdf manifest (../shared/vectors/json-ld-api). Floors guard against regressions.</summary>
[Trait("Category", "Conformance")]
public class ToRdfConformanceTests(ITestOutputHelper output)
{
    // Committed floors: raise them as the processor improves, never lower them.
    private const int PositiveFloor = 345;
    private const int NegativeFloor = 105;
    private const int SyntaxFloor = 16;

    [SkippableFact]
    public async Task ToRdf_W3cManifest_PassCountsAtLeastFloors()
    {
        var folder = SharedFolder.Require("vectors/json-ld-api/tests");
        var runner = new ToRdfManifestRunner(folder);
        var outcomes = new List<ToRdfManifestRunner.Outcome>();
        foreach (var entry in runner.Entries("toRdf-manifest.jsonld"))
        {
            outcomes.Add(await runner.RunAsync(entry));
        }

        foreach (var o in outcomes.Where(o => !o.Passed && !o.OutOfScope))
        {
            output.WriteLine($"FAIL {o.Entry.Id} [{o.Entry.Kind}] {o.Entry.Name}: {o.Detail}");
        }

        int Count(string kind, bool passed) => outcomes.Count(o => o.Entry.Kind == kind && o.Passed == passed && !o.OutOfScope);
        int Out(string kind) => outcomes.Count(o => o.Entry.Kind == kind && o.OutOfScope);
        foreach (var kind in new[] { "positive", "negative", "syntax" })
        {
            output.WriteLine($"toRdf-manifest {kind}: {Count(kind, true)} passed, {Count(kind, false)} failed, {Out(kind)} out of scope");
        }

        Assert.True(Count("positive", true) >= PositiveFloor, $"positive passes {Count("positive", true)} < floor {PositiveFloor}");
        Assert.True(Count("negative", true) >= NegativeFloor, $"negative passes {Count("negative", true)} < floor {NegativeFloor}");
        Assert.True(Count("syntax", true) >= SyntaxFloor, $"syntax passes {Count("syntax", true)} < floor {SyntaxFloor}");
    }

    [SkippableFact]
    public async Task ToRdf_W3cManifestWithPlainFormAudit_SameOutcomes()
    {
        // The audit rides along the expansion: on every W3C document it must neither throw nor change a result.
        var folder = SharedFolder.Require("vectors/json-ld-api/tests");
        var runner = new ToRdfManifestRunner(folder);
        var flagged = 0;
        var compared = 0;
        foreach (var entry in runner.Entries("toRdf-manifest.jsonld"))
        {
            var plain = await runner.RunAsync(entry);
            var audited = await runner.RunAsync(entry, audit: true);
            Assert.True(plain.Passed == audited.Passed && plain.OutOfScope == audited.OutOfScope, $"{entry.Id}: {plain.Detail} / with audit: {audited.Detail}");
            flagged += audited.Violations > 0 ? 1 : 0;
            compared++;
        }

        output.WriteLine($"toRdf-manifest with the plain-form audit: {compared} entries, same outcome each; {flagged} documents not in plain form");
    }
}
