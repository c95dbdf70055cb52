using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Checks;

namespace Verifier.Core.OpenBadges2;

/// <summary>
/// Parsed and validated forms of linked 2.0 documents (BadgeClass, issuer, key, revocation list), reused while the
/// fetched bytes stay identical: a hot issuer's documents are not re-parsed and re-validated per badge. Entries are
/// frozen (every JSON container materialized) before they are shared, and shared nodes are never mutated (legacy
/// documents, which the upgrade rewrites, are not cached). Bounded in entries and document size.
/// </summary>
internal sealed class ParsedDocumentCache
{
    private const int MaxEntries = 512;
    private const int MaxDocumentBytes = 64 * 1024;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A cached document: its bytes, the frozen node, and validation results memoized per class.</summary>
    public sealed class Entry(byte[] body, JsonObject node)
    {
        private readonly ConcurrentDictionary<string, IReadOnlyList<StructureIssue>> _issues = new(StringComparer.Ordinal);

        public byte[] Body { get; } = body;

        public JsonObject Node { get; } = node;

        public IReadOnlyList<StructureIssue> Issues(string kind, Func<JsonObject, IReadOnlyList<StructureIssue>> validate) =>
            _issues.GetOrAdd(kind, static (_, state) => state.validate(state.node), (validate, node: Node));
    }

    /// <summary>The cached entry for these exact bytes at this URL, parsing (and caching) them when needed.</summary>
    public Entry? GetOrParse(string url, ReadOnlySpan<byte> body)
    {
        if (_entries.TryGetValue(url, out var entry) && body.SequenceEqual(entry.Body))
        {
            return entry;
        }

        var node = JsonRead.ParseObject(body);
        if (node is null)
        {
            return null;
        }

        if (body.Length > MaxDocumentBytes)
        {
            return new Entry([], node);
        }

        Freeze(node);
        entry = new Entry(body.ToArray(), node);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[url] = entry;
        return entry;
    }

    /// <summary>Materializes every container so later concurrent reads never initialize shared state.</summary>
    private static void Freeze(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var property in o)
                {
                    Freeze(property.Value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Freeze(item);
                }

                break;
        }
    }
}
