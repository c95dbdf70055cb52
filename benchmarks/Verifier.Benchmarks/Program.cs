using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- --filter '*'
if (args is ["ob3-cpu"])
{
    await Verifier.Benchmarks.OpenBadges3.Ob3CpuProbe.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
