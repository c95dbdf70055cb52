using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- --filter '*'
if (args is ["ob2-cpu", ..])
{
    // OB 2.0 signed-badge figures in CPU time (docs/benchmarks/ob2.md): robust on a shared, loaded machine.
    Verifier.Benchmarks.OpenBadges2.CpuTimeRatio.Run();
    return;
}

if (args is ["di-cpu"])
{
    // The Data Integrity figure in CPU time (docs/benchmarks/proofs.md): robust on a shared, loaded machine.
    Verifier.Benchmarks.Proofs.ProofCpuProbe.Run();
    return;
}

if (args is ["ob3-cpu"])
{
    await Verifier.Benchmarks.OpenBadges3.Ob3CpuProbe.RunAsync();
    return;
}

if (args is ["ob3-cpu", "alloc"])
{
    // What one VC-JWT RS256 verification allocates, by type (runtime allocation samples): for comparing two builds.
    await Verifier.Benchmarks.OpenBadges3.Ob3CpuProbe.AllocationsAsync();
    return;
}

if (args is ["registries-cpu"])
{
    // Issuer registries' cost in CPU time (BENCHMARKS.md, issue 11): robust on a shared, loaded machine.
    Verifier.Benchmarks.Registries.RegistriesCpuProbe.Run();
    return;
}

if (args is ["http-cpu", ..])
{
    // Where the local host's per-request CPU goes (docs/benchmarks/hosts.md, issue 13): handler, engine, report.
    // "http-cpu loop SECONDS" only runs the handler, for a profiler (dotnet-trace) to attach.
    // "http-cpu alloc" prints what the small-PNG handler allocates, by type (runtime allocation samples).
    Verifier.Benchmarks.Http.HttpCpuProbe.Run(
        loopSeconds: args is [_, "loop", var s] ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 0,
        allocations: args is [_, "alloc"]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
