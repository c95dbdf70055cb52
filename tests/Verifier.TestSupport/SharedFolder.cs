using Xunit;

namespace Verifier.TestSupport;

/// <summary>
/// Locates the read-only reference folder <c>../shared</c> beside the repository (present in CI, absent on a
/// user's fresh clone). Conformance tests call <see cref="Require"/> and are reported as skipped when it is absent.
/// </summary>
public static class SharedFolder
{
    public static string? Path { get; } = Locate();

    /// <summary>Returns the absolute path of a file or folder under ../shared, or skips the calling test.</summary>
    public static string Require(string relative)
    {
        Skip.If(Path is null, "conformance skipped: ../shared (reference fixtures) is not beside this repository");
        var full = System.IO.Path.Combine(Path!, relative);
        Skip.IfNot(File.Exists(full) || Directory.Exists(full), $"conformance skipped: ../shared/{relative} is missing");
        return full;
    }

    private static string? Locate()
    {
        // A git worktree may sit elsewhere than beside ../shared; VERIFIER_SHARED names the folder explicitly.
        var env = Environment.GetEnvironmentVariable("VERIFIER_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return System.IO.Path.GetFullPath(env);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Verifier.sln")))
            {
                var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
