using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

/// <summary>A local context map, merged over an @import'ed context (API §4.1.2 step 5.6.7: the local entries win).</summary>
internal sealed class ContextEntries
{
    private readonly Dictionary<string, JsonElement> entries = new(StringComparer.Ordinal);

    public ContextEntries(JsonElement context, JsonElement? import)
    {
        if (import is { } imp)
        {
            foreach (var p in imp.EnumerateObject())
            {
                entries[p.Name] = p.Value;
                Names.Add(p.Name);
            }
        }

        foreach (var p in context.EnumerateObject())
        {
            if (!entries.ContainsKey(p.Name))
            {
                Names.Add(p.Name);
            }

            entries[p.Name] = p.Value;
        }
    }

    public List<string> Names { get; } = [];

    public bool TryGet(string name, out JsonElement value) => entries.TryGetValue(name, out value);

    public bool Contains(string name) => entries.ContainsKey(name);
}
