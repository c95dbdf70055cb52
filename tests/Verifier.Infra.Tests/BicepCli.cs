using System.Diagnostics;
using System.Reflection;

namespace Verifier.Infra.Tests;

/// <summary>Runs the Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64) against the repository's infra/.</summary>
internal static class BicepCli
{
    public static string BinaryPath { get; } = typeof(BicepCli).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    public static string InfraFolder { get; } = LocateInfra();

    public static (int ExitCode, string StdOut, string StdErr) Run(params string[] args)
    {
        var start = new ProcessStartInfo(BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = InfraFolder,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bicep did not finish within 2 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string LocateInfra()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "infra", "main.bicep");
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate)!;
            }
        }

        throw new DirectoryNotFoundException("infra/main.bicep not found above the test output folder");
    }
}
