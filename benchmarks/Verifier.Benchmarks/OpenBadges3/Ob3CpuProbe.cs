using System.Diagnostics;
using System.Globalization;

namespace Verifier.Benchmarks.OpenBadges3;

/// <summary>
/// The same six operations as <see cref="Ob3JwtBenchmarks"/>, measured in process CPU time instead of wall time.
/// On a machine shared by many jobs (load average far above the core count) wall-clock means mostly measure waiting
/// for a core; CPU time per verification still compares the engine with the bare validation fairly. Variants run
/// interleaved in rounds so that drifting load hits them alike.
/// Run: dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- ob3-cpu
/// </summary>
public static class Ob3CpuProbe
{
    public static async Task RunAsync(int iterations = 6000, int rounds = 6)
    {
        var bench = new Ob3JwtBenchmarks();
        bench.Setup();
        (string Name, string Baseline, Func<Task<bool>> Run)[] variants =
        [
            ("BareRs256", "BareRs256", bench.BareRs256),
            ("EngineRs256", "BareRs256", bench.EngineRs256),
            ("PngRs256", "BareRs256", bench.PngRs256),
            ("BareEs256", "BareEs256", bench.BareEs256),
            ("EngineEs256", "BareEs256", bench.EngineEs256),
            ("PngEs256", "BareEs256", bench.PngEs256),
        ];
        foreach (var v in variants)
        {
            for (var i = 0; i < 1000; i++)
            {
                await v.Run();
            }
        }

        var cpu = new Dictionary<string, TimeSpan>();
        var wall = new Dictionary<string, TimeSpan>();
        var allocated = new Dictionary<string, long>();
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var v in variants)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var bytes0 = GC.GetTotalAllocatedBytes(precise: true);
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < iterations / rounds; i++)
                {
                    await v.Run();
                }

                sw.Stop();
                allocated[v.Name] = allocated.GetValueOrDefault(v.Name) + (GC.GetTotalAllocatedBytes(precise: true) - bytes0);
                process.Refresh();
                cpu[v.Name] = cpu.GetValueOrDefault(v.Name) + (process.TotalProcessorTime - cpu0);
                wall[v.Name] = wall.GetValueOrDefault(v.Name) + sw.Elapsed;
            }
        }

        bench.Cleanup();
        Console.WriteLine("| Method | CPU µs/op | verifications per CPU-second | ratio to bare (per CPU-second) | wall µs/op | allocated B/op |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var v in variants)
        {
            var perOp = cpu[v.Name].TotalMicroseconds / iterations;
            var ratio = cpu[v.Baseline].TotalMicroseconds / cpu[v.Name].TotalMicroseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {v.Name} | {perOp:F1} | {1e6 / perOp:F0} | {ratio:F2} | {wall[v.Name].TotalMicroseconds / iterations:F1} | {allocated[v.Name] / iterations:F0} |"));
        }
    }
}
