using System.Collections.Concurrent;
using System.Text.Json;

namespace Verifier.LinkedData.Contexts;

/// <summary>
/// Contexts from a folder (configuration <c>Verifier:Contexts:Path</c>): an <c>index.json</c> of the form
/// <c>{"contexts": {"https://…": "file.jsonld"}}</c> beside the files. Each file is read and parsed once.
/// </summary>
public sealed class FolderContextLoader : IContextLoader
{
    public const string ConfigurationKey = "Verifier:Contexts:Path";

    private readonly string folder;
    private readonly Dictionary<string, string> index;
    private readonly ConcurrentDictionary<string, Lazy<ContextLoadResult>> cache = new(StringComparer.Ordinal);

    private FolderContextLoader(string folder, Dictionary<string, string> index)
    {
        this.folder = folder;
        this.index = index;
    }

    /// <summary>Reads the folder's index.json. A missing or malformed index is a configuration error (throws).</summary>
    public static FolderContextLoader Open(string folder)
    {
        var full = Path.GetFullPath(folder);
        var indexPath = Path.Combine(full, "index.json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(indexPath));
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!doc.RootElement.TryGetProperty("contexts", out var contexts) || contexts.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{indexPath} has no \"contexts\" object");
        }

        foreach (var p in contexts.EnumerateObject())
        {
            var file = p.Value.GetString() ?? throw new InvalidDataException($"{indexPath}: {p.Name} has no file name");

            // The index may only name files beside it (no traversal out of the folder).
            if (file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file.StartsWith('.'))
            {
                throw new InvalidDataException($"{indexPath}: {file} is not a plain file name");
            }

            map[p.Name] = file;
        }

        return new FolderContextLoader(full, map);
    }

    public IReadOnlyCollection<string> Urls => index.Keys;

    public ValueTask<ContextLoadResult> LoadAsync(string url, CancellationToken cancellationToken)
    {
        if (!index.TryGetValue(url, out var file))
        {
            return ValueTask.FromResult(ContextLoadResult.Missing(url));
        }

        var result = cache.GetOrAdd(url, u => new Lazy<ContextLoadResult>(() => Read(u, file))).Value;
        return ValueTask.FromResult(result);
    }

    private ContextLoadResult Read(string url, string file)
    {
        var path = Path.Combine(folder, file);
        try
        {
            var info = new FileInfo(path);
            if (info.Length > ContextDocuments.MaxBytes)
            {
                return ContextLoadResult.Fail("loading remote context failed", $"{file} is too large");
            }

            return ContextDocuments.Parse(url, File.ReadAllBytes(path));
        }
        catch (IOException e)
        {
            return ContextLoadResult.Fail("loading remote context failed", $"{file}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return ContextLoadResult.Fail("loading remote context failed", $"{file}: {e.Message}");
        }
    }
}
