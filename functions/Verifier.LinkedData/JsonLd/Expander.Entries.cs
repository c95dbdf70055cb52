using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

internal sealed partial class Expander
{
    // API §5.1.2 steps 13-14.
    private void ExpandEntries(ActiveContext active, ActiveContext typeScoped, string? activeProperty, (string Name, JsonElement Value)[] element, Dictionary<string, object?> result, string? inputType, string? baseUrl)
    {
        List<string>? nests = null;
        foreach (var (key, value) in element)
        {
            if (key == Keywords.Context)
            {
                continue;
            }

            // Step 13.2-13.3: keys that do not expand to an IRI or keyword are dropped (safe mode: an error).
            var expandedProperty = ContextProcessor.ExpandIri(active, key, vocab: true);
            if (expandedProperty is null || (!expandedProperty.Contains(':', StringComparison.Ordinal) && !Keywords.IsKeyword(expandedProperty)))
            {
                Safe(key, "the property is not defined by the context and would be dropped");
                continue;
            }

            if (session.Options.SafeMode && !Keywords.IsKeyword(expandedProperty) && !Iri.IsAbsolute(expandedProperty) && !Iri.IsBlankNode(expandedProperty))
            {
                Safe(key, $"the property expands to a relative IRI {expandedProperty}");
            }

            var audit = Audit;
            if (audit is not null)
            {
                AuditKey(audit, active, key, expandedProperty);
                audit.Enter(key);
            }

            if (Keywords.IsKeyword(expandedProperty))
            {
                if (expandedProperty == Keywords.Nest)
                {
                    if (activeProperty == Keywords.Reverse)
                    {
                        throw new JsonLdException("invalid reverse property map", "keywords are not allowed in @reverse");
                    }

                    (nests ??= []).Add(key);
                    audit?.Leave();
                    continue;
                }

                ExpandKeyword(active, typeScoped, activeProperty, key, expandedProperty, value, result, inputType, baseUrl);
                audit?.Leave();
                continue;
            }

            ExpandProperty(active, key, expandedProperty, value, result, baseUrl);
            audit?.Leave();
        }

        if (nests is null)
        {
            return;
        }

        // Step 14: nested properties are expanded as if they were entries of this element.
        nests.Sort(StringComparer.Ordinal);
        foreach (var nestKey in nests)
        {
            var nested = Find(element, nestKey);

            // Step 14.2.2 repeats steps 3 and 8: the nesting key's own scoped context applies inside it.
            var nestActive = active.Term(nestKey) is { LocalContext: not null } nestDef ? ApplyPropertyScoped(active, nestDef) : active;
            Audit?.Enter(nestKey);
            var nestIndex = 0;
            foreach (var nv in nested.ValueKind == JsonValueKind.Array ? nested.EnumerateArray().ToArray() : [nested])
            {
                if (nested.ValueKind == JsonValueKind.Array)
                {
                    Audit?.Enter(nestIndex++);
                }

                if (nv.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonLdException("invalid @nest value", "@nest values must be objects");
                }

                var nestedProps = Properties(nv);
                foreach (var (name, _) in nestedProps)
                {
                    if (ContextProcessor.ExpandIri(nestActive, name, vocab: true) == Keywords.Value)
                    {
                        throw new JsonLdException("invalid @nest value", "@nest values cannot be value objects");
                    }
                }

                ExpandEntries(nestActive, typeScoped, activeProperty, nestedProps, result, inputType, baseUrl);
                if (nested.ValueKind == JsonValueKind.Array)
                {
                    Audit?.Leave();
                }
            }

            Audit?.Leave();
        }
    }

    // Steps 13.5-13.14: a property that expands to an IRI.
    private void ExpandProperty(ActiveContext active, string key, string expandedProperty, JsonElement value, Dictionary<string, object?> result, string? baseUrl)
    {
        var def = active.Term(key);
        var container = def?.Container ?? Container.None;
        object? expandedValue;
        if (def?.TypeMapping == Keywords.Json)
        {
            expandedValue = new Dictionary<string, object?>(2) { [Keywords.Value] = value, [Keywords.Type] = Keywords.Json };
        }
        else if ((container & Container.Language) != 0 && value.ValueKind == JsonValueKind.Object)
        {
            expandedValue = ExpandLanguageMap(active, def!, value);
        }
        else if ((container & (Container.Index | Container.Type | Container.Id)) != 0 && value.ValueKind == JsonValueKind.Object)
        {
            expandedValue = ExpandIndexMap(active, key, def!, value, baseUrl);
        }
        else
        {
            expandedValue = Expand(active, key, value, baseUrl);
        }

        // Step 13.10.
        if (expandedValue is null)
        {
            return;
        }

        // Step 13.11.
        if ((container & Container.List) != 0 && !IsListObject(expandedValue))
        {
            expandedValue = new Dictionary<string, object?>(1) { [Keywords.List] = AsList(expandedValue) };
        }

        // Step 13.12: a graph container makes each value a graph object.
        if ((container & Container.Graph) != 0 && (container & (Container.Id | Container.Index)) == 0)
        {
            var graphs = new List<object?>();
            foreach (var ev in AsList(expandedValue))
            {
                graphs.Add(new Dictionary<string, object?>(1) { [Keywords.Graph] = AsList(ev) });
            }

            expandedValue = graphs;
        }

        // Step 13.13-13.14.
        if (def is { Reverse: true })
        {
            var reverseMap = GetOrAddMap(result, Keywords.Reverse);
            foreach (var item in AsList(expandedValue))
            {
                if (item is Dictionary<string, object?> m && (m.ContainsKey(Keywords.Value) || m.ContainsKey(Keywords.List)))
                {
                    throw new JsonLdException("invalid reverse property value", $"{key}: a reverse property needs node objects");
                }

                AddValue(reverseMap, expandedProperty, item);
            }
        }
        else
        {
            AddValues(result, expandedProperty, expandedValue);
        }
    }

    internal static bool IsListObject(object? value) => value is Dictionary<string, object?> m && m.ContainsKey(Keywords.List);

    internal static List<object?> AsList(object? value) => value as List<object?> ?? [value];

    private static Dictionary<string, object?> GetOrAddMap(Dictionary<string, object?> result, string key)
    {
        if (result.TryGetValue(key, out var existing) && existing is Dictionary<string, object?> map)
        {
            return map;
        }

        map = new Dictionary<string, object?>();
        result[key] = map;
        return map;
    }

    /// <summary>Adds a value (or the items of an array) to an entry, always as an array.</summary>
    internal static void AddValues(Dictionary<string, object?> map, string key, object? value)
    {
        if (!map.TryGetValue(key, out var existing) || existing is not List<object?> list)
        {
            list = existing is null ? [] : [existing];
            map[key] = list;
        }

        if (value is List<object?> many)
        {
            list.AddRange(many);
        }
        else
        {
            list.Add(value);
        }
    }

    private static void AddValue(Dictionary<string, object?> map, string key, object? value)
    {
        if (!map.TryGetValue(key, out var existing) || existing is not List<object?> list)
        {
            list = existing is null ? [] : [existing];
            map[key] = list;
        }

        list.Add(value);
    }
}
