using Verifier.Fuzz.Equivalence;

namespace Verifier.Fuzz;

/// <summary>
/// JSON-LD-equivalence target: the input bytes steer <see cref="EquivalenceMutator"/> over credentials signed by the
/// harness; a crash is a mutation whose proof still verifies while the report says something else (see
/// <see cref="EquivalenceHarness"/>), or any exception out of the engine. Needs the context documents: VERIFIER_CONTEXTS,
/// or ../shared/contexts beside the repository.
/// </summary>
internal static class EquivalenceTarget
{
    // VERIFIER_EQUIVALENCE_AUDIT=off fuzzes an engine without the plain-form audit: a check that the oracle finds breaks.
    private static readonly Lazy<EquivalenceHarness> Harness = new(() => EquivalenceHarness.CreateAsync(
        ContextsFolder(), audit: Environment.GetEnvironmentVariable("VERIFIER_EQUIVALENCE_AUDIT") != "off").GetAwaiter().GetResult());

    public static void Run(byte[] data)
    {
        var outcome = Harness.Value.CheckAsync(data).GetAwaiter().GetResult();
        if (outcome.Broken)
        {
            throw new FuzzPropertyException($"the proof verifies but the report changed ({outcome.Credential}; {string.Join(" | ", outcome.Applied)}): {string.Join("; ", outcome.Differences)}\n{outcome.Text}");
        }
    }

    /// <summary>
    /// The property over <paramref name="count"/> inputs from a seeded <see cref="Random"/> (no AFL): prints how many
    /// rewrites kept the proof valid, how many broke the property, and the first few breaks. Exit code 1 on a break.
    /// </summary>
    public static async Task<int> SweepAsync(int count, int seed, bool audit)
    {
        using var harness = await EquivalenceHarness.CreateAsync(ContextsFolder(), audit);
        var random = new Random(seed);
        var (proofValid, broken, started) = (0, 0, System.Diagnostics.Stopwatch.StartNew());
        var input = new byte[24];
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(input);
            var outcome = await harness.CheckAsync(input.ToArray());
            proofValid += outcome.ProofValid ? 1 : 0;
            if (outcome.Broken && ++broken <= 5)
            {
                await Console.Out.WriteLineAsync($"BROKEN ({outcome.Credential}; {string.Join(" | ", outcome.Applied)}): {string.Join("; ", outcome.Differences)}");
            }
        }

        await Console.Out.WriteLineAsync($"audit {(audit ? "on" : "off")}, seed {seed}: {count} mutations in {started.Elapsed.TotalSeconds:0.0} s, proof still valid for {proofValid}, property broken by {broken}");
        return broken == 0 ? 0 : 1;
    }

    /// <summary>Seeds: each rewrite kind once on each genuine credential, then a few pairs.</summary>
    public static Dictionary<string, byte[]> Seeds()
    {
        var seeds = new Dictionary<string, byte[]>();
        var kinds = Enum.GetValues<EquivalenceMutator.Kind>();
        for (var credential = 0; credential < 3; credential++)
        {
            foreach (var kind in kinds)
            {
                seeds[$"c{credential}-{kind}.bin"] = [(byte)credential, 0, (byte)kind, 1, 2, 3];
            }
        }

        seeds["pair-iri-array.bin"] = [1, 1, (byte)EquivalenceMutator.Kind.TermToIri, 0, (byte)EquivalenceMutator.Kind.Array, 5];
        seeds["pair-nest-reorder.bin"] = [2, 1, (byte)EquivalenceMutator.Kind.Nest, 3, (byte)EquivalenceMutator.Kind.ReorderMembers, 1, 1];
        return seeds;
    }

    private static string ContextsFolder()
    {
        if (Environment.GetEnvironmentVariable("VERIFIER_CONTEXTS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verifier.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "contexts"));
            }
        }

        throw new InvalidOperationException("set VERIFIER_CONTEXTS to a folder of context documents (../shared/contexts)");
    }
}
