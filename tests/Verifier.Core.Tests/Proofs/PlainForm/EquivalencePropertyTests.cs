using System.Globalization;
using Verifier.Fuzz.Equivalence;

namespace Verifier.Core.Tests.Proofs.PlainForm;

/// <summary>
/// The fuzz target's property (fuzz/Verifier.Fuzz, target "equivalence") as a bounded, seeded test: random
/// JSON-LD-equivalent rewrites of credentials signed here must never leave the proof valid while the report changes.
/// VERIFIER_EQUIVALENCE_ITERATIONS runs more of them locally.
/// </summary>
public sealed class EquivalencePropertyTests(ITestOutputHelper output)
{
    private const int Seed = 20261204;

    [SkippableFact]
    public async Task Mutations_ProofStillVerifies_ReportUnchanged()
    {
        using var harness = await EquivalenceHarness.CreateAsync(ProjectContexts.Folder);

        var (valid, broken) = await RunAsync(harness, Iterations(400), Seed);

        Assert.Empty(broken);
        Assert.True(valid > 0, "no rewrite kept the proof valid: the property was never exercised");
    }

    [SkippableFact]
    public async Task Mutations_WithoutPlainFormAudit_BreakTheProperty()
    {
        // The same rewrites against an engine that does not audit: the property must break, or the harness is blind.
        using var harness = await EquivalenceHarness.CreateAsync(ProjectContexts.Folder, audit: false);

        var (_, broken) = await RunAsync(harness, 200, Seed);

        Assert.NotEmpty(broken);
    }

    private async Task<(int ProofValid, List<MutationOutcome> Broken)> RunAsync(EquivalenceHarness harness, int iterations, int seed)
    {
        var random = new Random(seed);
        var input = new byte[24];
        var (valid, broken) = (0, new List<MutationOutcome>());
        foreach (var genuine in harness.Credentials)
        {
            output.WriteLine($"genuine {genuine.Name}: {genuine.Report.Outcome}");
        }

        for (var i = 0; i < iterations; i++)
        {
            random.NextBytes(input);
            var outcome = await harness.CheckAsync(input.ToArray());
            valid += outcome.ProofValid ? 1 : 0;
            if (outcome.Broken)
            {
                broken.Add(outcome);
            }
        }

        output.WriteLine($"seed {seed}: {iterations} rewrites, proof still valid for {valid}, property broken by {broken.Count}");
        foreach (var b in broken.Take(5))
        {
            output.WriteLine($"  {b.Credential}; {string.Join(" | ", b.Applied)}: {string.Join("; ", b.Differences)}");
        }

        return (valid, broken);
    }

    private static int Iterations(int bounded) =>
        int.TryParse(Environment.GetEnvironmentVariable("VERIFIER_EQUIVALENCE_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : bounded;
}
