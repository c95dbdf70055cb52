using System.Diagnostics;
using System.Globalization;

namespace Verifier.Benchmarks.Registries;

/// <summary>
/// <see cref="RegistryLookupBenchmarks"/> measured in process CPU time: on a machine whose load average is above its
/// core count, wall-clock means mostly measure waiting for a core. The variants run interleaved in rounds (drifting
/// load hits them alike) after a warm-up that lasts until the JIT is done; medians are reported.
/// Run: dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- registries-cpu
/// </summary>
public static class RegistriesCpuProbe
{
    public static void Run(int iterations = 4000, int rounds = 9)
    {
        var bench = new RegistryLookupBenchmarks();
        bench.Setup();
        (string Name, Action Run)[] variants =
        [
            ("NoRegistries", () => bench.NoRegistries()),
            ("FourCachedRegistries", () => bench.FourCachedRegistries()),
            ("RegistryCheckAlone", () => bench.RegistryCheckAlone()),
        ];
        var warmRounds = 0;
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var (_, run) in variants)
            {
                for (var i = 0; i < 2000; i++)
                {
                    run();
                }
            }

            Thread.Sleep(200); // let the background tier-1 compiler catch up before checking the count
            warmRounds++;
        }
        while (warmRounds < 30 && (warmRounds < 5 || System.Runtime.JitInfo.GetCompiledMethodCount() != compiled));

        var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var allocated = variants.ToDictionary(v => v.Name, _ => 0L);
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in variants)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < iterations; i++)
                {
                    run();
                }

                allocated[name] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                process.Refresh();
                cpu[name].Add((process.TotalProcessorTime - before).TotalMicroseconds / iterations);
            }
        }

        bench.Cleanup();
        var median = cpu.ToDictionary(c => c.Key, c => c.Value.Order().ElementAt(c.Value.Count / 2));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Method | CPU µs/op (median of {rounds}×{iterations}) | allocated B/op | vs NoRegistries |"));
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, _) in variants)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {median[name]:F2} | {allocated[name] / (rounds * (long)iterations)} | {median[name] / median["NoRegistries"]:F3} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the end: {LoadAverage()}"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
