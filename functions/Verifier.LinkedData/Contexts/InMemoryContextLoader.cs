using System.Collections.Concurrent;
using System.Reflection;
using System.Text;

namespace Verifier.LinkedData.Contexts;

/// <summary>Contexts held in memory: the project's own small contexts (e.g. embedded resources) and tests.</summary>
internal sealed class InMemoryContextLoader : IContextLoader
{
    private readonly ConcurrentDictionary<string, ContextLoadResult> documents = new(StringComparer.Ordinal);

    /// <summary>Adds (or replaces) the context served for <paramref name="url"/>.</summary>
    public InMemoryContextLoader Add(string url, string json)
    {
        documents[url] = ContextDocuments.Parse(url, Encoding.UTF8.GetBytes(json));
        return this;
    }

    /// <summary>Adds a context from an embedded resource of <paramref name="assembly"/>.</summary>
    public InMemoryContextLoader AddEmbedded(string url, Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new ArgumentException($"no embedded resource {resourceName}", nameof(resourceName));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Add(url, reader.ReadToEnd());
    }

    public ValueTask<ContextLoadResult> LoadAsync(string url, CancellationToken cancellationToken) =>
        ValueTask.FromResult(documents.TryGetValue(url, out var result) ? result : ContextLoadResult.Missing(url));
}
