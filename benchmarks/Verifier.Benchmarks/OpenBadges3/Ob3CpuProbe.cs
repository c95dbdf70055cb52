using System.Diagnostics;
using System.Globalization;

namespace Verifier.Benchmarks.OpenBadges3;

/// <summary>
/// The same six operations as <see cref="Ob3JwtBenchmarks"/>, measured in process CPU time instead of wall time.
/// On a machine shared by many jobs (load average far above the core count) wall-clock means mostly measure waiting
/// for a core; CPU time per verification still compares the engine with the bare validation fairly. Variants run
/// interleaved in rounds so that drifting load hits them alike, after a warm-up that lasts until the JIT is done.
/// Run: dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- ob3-cpu
/// </summary>
public static class Ob3CpuProbe
{
    /// <summary>The engine's RS256 VC-JWT verification, warmed up, then 50,000 more under the allocation sampler.</summary>
    public static async Task AllocationsAsync()
    {
        var bench = new Ob3JwtBenchmarks();
        bench.Setup();
        for (var i = 0; i < 20_000; i++)
        {
            await bench.EngineRs256().ConfigureAwait(false);
        }

        using var sampler = new Http.AllocationSampler();
        const int verifications = 50_000;
        for (var i = 0; i < verifications; i++)
        {
            await bench.EngineRs256().ConfigureAwait(false);
        }

        sampler.Print(verifications);
    }

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
        // Warm up until the JIT is done. Tiered compilation re-JITs hot methods on a background thread, after a
        // call-counting delay that restarts whenever new methods are compiled; that thread's CPU is charged to the
        // process. With the former 1,000 calls per variant the measured rounds still paid for tier-1 compilation
        // (process CPU above wall time even for the single-threaded bare validation): they measured start-up, not
        // verifications per CPU-second. Rounds repeat until one compiles no new method (at least 5, at most 30).
        var warmRounds = 0;
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var v in variants)
            {
                for (var i = 0; i < 2000; i++)
                {
                    await v.Run();
                }
            }

            await Task.Delay(200); // let the background tier-1 compiler catch up before checking the count
            warmRounds++;
        }
        while (warmRounds < 30 && (warmRounds < 5 || System.Runtime.JitInfo.GetCompiledMethodCount() != compiled));

        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();

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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: {warmRounds} rounds of 2,000 calls per variant; methods JIT-compiled while measuring: {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore}"));
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
