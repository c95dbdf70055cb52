using System.Diagnostics;
using System.Globalization;

namespace Verifier.Benchmarks.OpenBadges2;

/// <summary>
/// The same comparison as <see cref="SignedBadgeBenchmarks"/>, measured in process CPU time instead of wall time:
/// on a machine shared by many jobs, wall-clock means include time the process was not running. Rounds interleave
/// the engine and the baselines; medians are reported. Run:
/// dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- ob2-cpu
/// </summary>
public static class CpuTimeRatio
{
    public static void Run(int rounds = 9, int perRound = 4000)
    {
        var b = new SignedBadgeBenchmarks();
        b.Setup();
        var cases = new (string Name, Action Run)[]
        {
            ("VerifyBakedPng", () => b.VerifyBakedPng()),
            ("VerifyJws", () => b.VerifyJws()),
            ("BareRs256", () => b.BareRs256()),
            ("BareJwsRs256", () => b.BareJwsRs256()),
            ("JsonWebTokenHandlerRs256", () => b.JsonWebTokenHandlerRs256()),
        };

        // Warm up long enough for tiered compilation to reach its optimized code.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(4))
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

        b.Cleanup();
        var median = samples.ToDictionary(s => s.Key, s => s.Value.Order().ElementAt(s.Value.Count / 2));
        Console.WriteLine("| Method | CPU µs/op (median of {0}×{1}) | ops/s on one core | throughput vs BareRs256 |", rounds, perRound);
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, _) in cases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {median[name]:F1} | {1_000_000 / median[name]:F0} | {median["BareRs256"] / median[name]:F2} |"));
        }
    }
}
