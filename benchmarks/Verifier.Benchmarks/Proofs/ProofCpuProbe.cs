using System.Diagnostics;
using System.Globalization;

namespace Verifier.Benchmarks.Proofs;

/// <summary>
/// <see cref="ProofVerificationBenchmarks"/> measured in process CPU time, rounds interleaving the engine and the
/// bare Ed25519 baseline, medians reported: robust on a shared, loaded machine where BenchmarkDotNet's wall-clock
/// short job is not. Run: dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- di-cpu
/// </summary>
public static class ProofCpuProbe
{
    public static void Run(int rounds = 9, int perRound = 2000)
    {
        var b = new ProofVerificationBenchmarks();
        b.Setup();
        var cases = new (string Name, Action Run)[]
        {
            ("VerifyObSpecExample", () => b.VerifyObSpecExample()),
            ("BareEd25519", () => b.BareEd25519()),
            ("ToRdfDocument", () => b.ToRdfDocument()),
            ("CanonicalizeDocument", () => b.CanonicalizeDocument()),
        };

        // Long enough for tiered compilation to reach optimized code.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(5))
        {
            foreach (var (_, run) in cases)
            {
                run();
            }
        }

        var samples = cases.ToDictionary(c => c.Name, _ => new List<double>());
        for (var r = 0; r < rounds; r++)
        {
            foreach (var (name, run) in cases)
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < perRound; i++)
                {
                    run();
                }

                samples[name].Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMicroseconds / perRound);
            }
        }

        var median = samples.ToDictionary(s => s.Key, s => s.Value.Order().ElementAt(s.Value.Count / 2));
        Console.WriteLine("| Method | CPU µs/op (median of {0}×{1}) | ops/s on one core | × bare Ed25519 |", rounds, perRound);
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, _) in cases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {median[name]:F1} | {1_000_000 / median[name]:F0} | {median[name] / median["BareEd25519"]:F2} |"));
        }
    }
}
