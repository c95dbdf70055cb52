using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;
using Verifier.Core.Trust;

namespace Verifier.Cli;

/// <summary>
/// Turns the command line's inputs into the list of badges to verify: a directory becomes every badge file under it,
/// a glob (quoted, so the shell leaves it: 'badges/**/*.png') every file it matches, in ordinal order. A directory or
/// glob that yields nothing is itself an unreadable input, so a CI job with a wrong path fails instead of passing
/// with nothing checked.
/// </summary>
internal static class InputExpander
{
    /// <summary>The extensions a directory is searched for (a glob takes whatever it matches).</summary>
    public static readonly string[] BadgeExtensions = [".png", ".svg", ".json", ".jsonld", ".jwt", ".jws"];

    private static readonly char[] GlobCharacters = ['*', '?', '['];

    /// <summary>One input to verify: <see cref="Argument"/> for <see cref="InputLoader"/>, or why there is none.</summary>
    public sealed record Item(string Name, string? Argument, string? Error);

    public static List<Item> Expand(IEnumerable<string> arguments)
    {
        var items = new List<Item>();
        foreach (var argument in arguments)
        {
            if (argument == "-" || IsHttpUrl(argument))
            {
                items.Add(new(argument == "-" ? "stdin" : argument, argument, null));
            }
            else if (Directory.Exists(argument))
            {
                AddAll(items, argument, FilesUnder(argument), $"holds no badge files ({string.Join(", ", BadgeExtensions)})");
            }
            else if (argument.IndexOfAny(GlobCharacters) >= 0)
            {
                AddAll(items, argument, Matches(argument), "matches no file");
            }
            else
            {
                items.Add(new(argument, argument, null));
            }
        }

        return items;
    }

    private static void AddAll(List<Item> items, string argument, List<string> files, string whenEmpty)
    {
        if (files.Count == 0)
        {
            items.Add(new(argument, null, whenEmpty));
            return;
        }

        items.AddRange(files.Select(f => new Item(f, f, null)));
    }

    private static List<string> FilesUnder(string directory)
    {
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            if (BadgeExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                files.Add(file);
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The glob's leading segments without wildcards are the folder it is matched in; the rest is the pattern.</summary>
    private static List<string> Matches(string glob)
    {
        var normalized = glob.Replace('\\', '/');
        var firstWild = normalized.IndexOfAny(GlobCharacters);
        var split = normalized.LastIndexOf('/', firstWild);
        var root = split < 0 ? "." : split == 0 ? "/" : normalized[..split];
        var pattern = split < 0 ? normalized : normalized[(split + 1)..];
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root)));
        var files = result.Files.Select(f => split < 0 ? f.Path : Path.Combine(root, f.Path)).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static bool IsHttpUrl(string argument) => WebIdentity.HttpUrl(argument) is not null;
}
