using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

internal sealed partial class Expander
{
    // API §5.1.2 step 13.7: language maps.
    private static List<object?> ExpandLanguageMap(ActiveContext active, TermDefinition def, JsonElement value)
    {
        var result = new List<object?>();
        var direction = def.HasDirection ? def.Direction : active.DefaultDirection;
        foreach (var (language, languageValue) in Sorted(value))
        {
            var expandedLanguage = ContextProcessor.ExpandIri(active, language, vocab: true);
            foreach (var item in languageValue.ValueKind == JsonValueKind.Array ? languageValue.EnumerateArray().ToArray() : [languageValue])
            {
                if (item.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (item.ValueKind != JsonValueKind.String)
                {
                    throw new JsonLdException("invalid language map value", $"language map values must be strings ({language})");
                }

                var v = new Dictionary<string, object?>(3) { [Keywords.Value] = item.GetString() };
                if (language != Keywords.None && expandedLanguage != Keywords.None)
                {
                    v[Keywords.Language] = language.ToLowerInvariant();
                }

                if (direction is not null)
                {
                    v[Keywords.Direction] = direction;
                }

                result.Add(v);
            }
        }

        return result;
    }

    // API §5.1.2 step 13.8: index, id and type maps.
    private List<object?> ExpandIndexMap(ActiveContext active, string key, TermDefinition def, JsonElement value, string? baseUrl)
    {
        var result = new List<object?>();
        var container = def.Container;
        var indexKey = def.Index ?? Keywords.Index;
        foreach (var (index, indexValue) in Sorted(value))
        {
            // Step 13.8.3.1-13.8.3.3: a type map applies the type's scoped context to the non-propagated context.
            var mapContext = active;
            if ((container & Container.Type) != 0)
            {
                var baseContext = active.PreviousContext ?? active;
                if (baseContext.Term(index) is { LocalContext: not null } typeDef)
                {
                    mapContext = ApplyTypeScopedForMap(baseContext, typeDef);
                }
            }

            var expandedIndex = ContextProcessor.ExpandIri(active, index, vocab: true);
            Audit?.Enter(index);
            var items = AsList(Expand(mapContext, key, indexValue, baseUrl, fromMap: true));
            Audit?.Leave();
            foreach (var raw in items)
            {
                if (raw is not Dictionary<string, object?> item)
                {
                    continue;
                }

                var current = item;
                if ((container & Container.Graph) != 0 && !IsGraphObject(current))
                {
                    current = new Dictionary<string, object?>(1) { [Keywords.Graph] = new List<object?> { current } };
                }

                if ((container & Container.Index) != 0 && indexKey != Keywords.Index && expandedIndex != Keywords.None)
                {
                    // Step 13.8.3.7.2: property-valued index.
                    var reExpanded = ExpandValue(active, indexKey, index);
                    var expandedIndexKey = ContextProcessor.ExpandIri(active, indexKey, vocab: true)!;
                    var values = new List<object?> { reExpanded };
                    if (current.TryGetValue(expandedIndexKey, out var existing))
                    {
                        values.AddRange(AsList(existing));
                    }

                    current[expandedIndexKey] = values;
                    if (current.ContainsKey(Keywords.Value))
                    {
                        throw new JsonLdException("invalid value object", "a value object cannot take a property index");
                    }
                }
                else if ((container & Container.Index) != 0 && !current.ContainsKey(Keywords.Index) && expandedIndex != Keywords.None)
                {
                    current[Keywords.Index] = index;
                }
                else if ((container & Container.Id) != 0 && !current.ContainsKey(Keywords.Id) && expandedIndex != Keywords.None)
                {
                    current[Keywords.Id] = ExpandId(active, index, key);
                }
                else if ((container & Container.Type) != 0 && expandedIndex != Keywords.None)
                {
                    var types = new List<object?> { expandedIndex };
                    if (current.TryGetValue(Keywords.Type, out var existingTypes))
                    {
                        types.AddRange(AsList(existingTypes));
                    }

                    current[Keywords.Type] = types;
                }

                result.Add(current);
            }
        }

        return result;
    }

    private ActiveContext ApplyTypeScopedForMap(ActiveContext active, TermDefinition def)
    {
        if (def.MapScopedCache.TryGetValue(active, out var cached))
        {
            return cached;
        }

        var result = contexts.Process(active, def.LocalContext!.Value, def.BaseUrl);
        def.MapScopedCache.AddOrUpdate(active, result);
        return result;
    }

    internal static bool IsGraphObject(Dictionary<string, object?> map)
    {
        if (!map.ContainsKey(Keywords.Graph))
        {
            return false;
        }

        foreach (var k in map.Keys)
        {
            if (k is not (Keywords.Graph or Keywords.Id or Keywords.Index))
            {
                return false;
            }
        }

        return true;
    }

    private static List<(string Key, JsonElement Value)> Sorted(JsonElement map)
    {
        var list = new List<(string, JsonElement)>();
        foreach (var p in map.EnumerateObject())
        {
            list.Add((p.Name, p.Value));
        }

        list.Sort(static (a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return list;
    }
}
