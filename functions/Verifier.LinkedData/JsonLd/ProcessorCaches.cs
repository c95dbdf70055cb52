using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Verifier.LinkedData.JsonLd;

/// <summary>
/// Process-wide caches of one processor: dereferenced context documents and processed active contexts. Keys are
/// immutable active contexts (held weakly), so a cached result is exactly what the algorithm would compute again.
/// </summary>
internal sealed class ProcessorCaches
{
    private const int MaxInitialContexts = 256;
    private const int MaxDocuments = 1024;

    private readonly ConcurrentDictionary<string, RemoteContext> documents = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<ActiveContext, ConcurrentDictionary<string, ActiveContext>> remote = new();
    private readonly ConcurrentDictionary<(string?, bool), ActiveContext> initial = new();

    public bool TryGetDocument(string url, out RemoteContext context) => documents.TryGetValue(url, out context!);

    /// <summary>Caches a loaded context; bounded, so a stream of ever-new context URLs cannot grow memory without end.</summary>
    public void AddDocument(string url, RemoteContext context)
    {
        if (documents.Count < MaxDocuments)
        {
            documents[url] = context;
        }
    }

    public bool TryGetRemote(ActiveContext active, string url, out ActiveContext result)
    {
        result = null!;
        return remote.TryGetValue(active, out var map) && map.TryGetValue(url, out result!);
    }

    public void AddRemote(ActiveContext active, string url, ActiveContext result) =>
        remote.GetOrCreateValue(active)[url] = result;

    /// <summary>The empty initial context per (base IRI, mode), so caches keyed on it hit across calls.</summary>
    public ActiveContext Initial(string? baseIri, bool mode10)
    {
        if (initial.TryGetValue((baseIri, mode10), out var ctx))
        {
            return ctx;
        }

        if (initial.Count >= MaxInitialContexts)
        {
            initial.Clear(); // bounded: documents with ever-new base IRIs must not grow the cache
        }

        return initial.GetOrAdd((baseIri, mode10), static k => new ActiveContext(k.Item1, k.Item2));
    }
}
