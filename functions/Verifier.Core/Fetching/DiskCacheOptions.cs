using System.ComponentModel.DataAnnotations;

namespace Verifier.Core.Fetching;

/// <summary>
/// Configuration section "Verifier:Cache", disk keys: the file-system tier of the document cache that the local host
/// and the CLI use so that, after a first run, they verify offline (docs/fetching.md). The Functions app uses the
/// blob tier under the same section instead.
/// </summary>
public sealed class DiskCacheOptions
{
    public const string SectionName = "Verifier:Cache";

    /// <summary>Whether the local host and the CLI keep fetched documents on disk (never with Fetch:AllowLoopback).</summary>
    public bool DiskEnabled { get; set; } = true;

    /// <summary>Where; unset: "verifier/documents" under the user's cache directory (XDG_CACHE_HOME, ~/.cache, %LOCALAPPDATA%).</summary>
    public string? Directory { get; set; }

    /// <summary>Bytes the folder may hold; past it the oldest entries are deleted (expired ones first).</summary>
    [Range(1024L * 1024, 100L * 1024 * 1024 * 1024)]
    public long DirectoryMaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The folder to use: <see cref="Directory"/>, or the per-user default.</summary>
    public string ResolveDirectory()
    {
        if (Directory is { Length: > 0 } configured)
        {
            return configured;
        }

        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : OperatingSystem.IsMacOS() ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Caches")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "verifier", "documents");
    }
}
