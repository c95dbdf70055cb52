using System.Diagnostics;

namespace Verifier.Cli.Tests;

/// <summary>Runs the real obverify (the built dll under `dotnet`) as a separate process: real exit codes, real streams.</summary>
internal static class Obverify
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>
    /// The tool's own build output (the project reference builds it first). The copy beside the tests is not runnable:
    /// this test project shares ASP.NET Core's framework, so the tool's Microsoft.Extensions assemblies are not copied.
    /// </summary>
    public static string Dll { get; } = Path.Combine(FindRepositoryRoot(), "functions", "Verifier.Cli", "bin", Configuration, "net10.0", "obverify.dll");

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "functions", "Verifier.Cli")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The Native AOT build that .ci/steps/obverify-aot.sh makes with scripts/install-obverify.sh (the action's way),
    /// or null when it was not made on this machine.
    /// </summary>
    public static string? Native { get; } = File.Exists(Path.Combine(RepositoryRoot, ".ci", "out", "obverify-aot", "obverify"))
        ? Path.Combine(RepositoryRoot, ".ci", "out", "obverify-aot", "obverify")
        : null;

    /// <param name="native">Run <see cref="Native"/> instead of the framework-dependent build.</param>
    public static async Task<Run> RunAsync(IEnumerable<string> args, string? stdin = null, IDictionary<string, string>? environment = null, bool native = false)
    {
        var start = new ProcessStartInfo(native ? Native! : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (!native)
        {
            start.ArgumentList.Add(Dll);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Hermetic by default: no disk tier under the user's cache directory unless a test asks for one.
        start.Environment["Verifier__Cache__DiskEnabled"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>A test class that writes files (badges, garbage) into its own temporary folder, removed afterwards.</summary>
public abstract class WithTempFiles : IDisposable
{
    protected TempFiles Files { get; } = new();

    public void Dispose()
    {
        Files.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A temporary folder of files the tests write (badges, garbage) and remove afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("obverify-tests-");

    public string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string PathOf(string name) => Path.Combine(_dir.FullName, name);

    public void Dispose() => _dir.Delete(recursive: true);
}
