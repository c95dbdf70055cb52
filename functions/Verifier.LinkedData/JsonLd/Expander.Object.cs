using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

internal sealed partial class Expander
{
    // API §5.1.2 steps 6-20.
    private object? ExpandObject(ActiveContext active, string? activeProperty, TermDefinition? apDef, TermDefinition? scoped, JsonElement element, string? baseUrl, bool fromMap)
    {
        _ = apDef;
        var props = Properties(element);

        // Step 7: a non-propagated (type-scoped) context does not reach into nested node objects.
        if (active.PreviousContext is not null && !fromMap && !KeepsTypeScopedContext(active, props))
        {
            active = active.PreviousContext;
        }

        // Step 8-9.
        if (scoped is not null)
        {
            active = ApplyPropertyScoped(active, scoped);
        }

        var beforeLocal = active;
        if (element.TryGetProperty(Keywords.Context, out var localContext))
        {
            active = contexts.Process(active, localContext, baseUrl);
        }

        // Step 10-11: type-scoped contexts, in lexicographic order of the type keys and their values.
        var typeScoped = active;
        string? firstTypeKey = null;
        List<string>? typeKeys = null;
        foreach (var (name, _) in props)
        {
            if (ContextProcessor.ExpandIri(active, name, vocab: true) == Keywords.Type)
            {
                (typeKeys ??= []).Add(name);
            }
        }

        string? inputType = null;
        if (typeKeys is not null)
        {
            typeKeys.Sort(StringComparer.Ordinal);
            firstTypeKey = typeKeys[0];
            foreach (var key in typeKeys)
            {
                var value = Find(props, key);
                var terms = new List<string>();
                if (value.ValueKind == JsonValueKind.String)
                {
                    terms.Add(value.GetString()!);
                }
                else if (value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var t in value.EnumerateArray())
                    {
                        if (t.ValueKind == JsonValueKind.String)
                        {
                            terms.Add(t.GetString()!);
                        }
                    }
                }

                terms.Sort(StringComparer.Ordinal);
                foreach (var term in terms)
                {
                    if (typeScoped.Term(term) is { LocalContext: not null } def)
                    {
                        active = ApplyTypeScoped(active, def);
                    }
                }
            }

            // Step 12: the input type is the last value of the first @type entry.
            var first = Find(props, firstTypeKey);
            var last = first.ValueKind == JsonValueKind.Array && first.GetArrayLength() > 0 ? first[first.GetArrayLength() - 1] : first;
            if (last.ValueKind == JsonValueKind.String)
            {
                inputType = ContextProcessor.ExpandIri(active, last.GetString(), vocab: true);
            }
        }

        var result = new Dictionary<string, object?>(props.Length);
        if (Audit is not { } audit)
        {
            ExpandEntries(active, typeScoped, activeProperty, props, result, inputType, baseUrl);
            return Finish(active, activeProperty, result);
        }

        var isValue = AuditObject(audit, beforeLocal, active, props, baseUrl);
        audit.InValueObject = isValue;
        ExpandEntries(active, typeScoped, activeProperty, props, result, inputType, baseUrl);
        audit.InValueObject = false;
        AuditExpanded(audit, result, isValue);
        return Finish(active, activeProperty, result);
    }

    /// <summary>The entries of an object, read once: JsonProperty.Name allocates a string on every access.</summary>
    internal static (string Name, JsonElement Value)[] Properties(JsonElement element)
    {
        var props = new (string, JsonElement)[element.GetPropertyCount()];
        var i = 0;
        foreach (var p in element.EnumerateObject())
        {
            props[i++] = (p.Name, p.Value);
        }

        return props;
    }

    internal static JsonElement Find((string Name, JsonElement Value)[] props, string name)
    {
        foreach (var (n, v) in props)
        {
            if (n == name)
            {
                return v;
            }
        }

        return default;
    }

    private static bool KeepsTypeScopedContext(ActiveContext active, (string Name, JsonElement Value)[] props)
    {
        var count = 0;
        var onlyId = false;
        foreach (var (name, _) in props)
        {
            count++;
            var expanded = ContextProcessor.ExpandIri(active, name, vocab: true);
            if (expanded == Keywords.Value)
            {
                return true;
            }

            onlyId = expanded == Keywords.Id;
        }

        return count == 1 && onlyId;
    }

    // Steps 15-20.
    private object? Finish(ActiveContext active, string? activeProperty, Dictionary<string, object?> result)
    {
        _ = active;
        if (result.TryGetValue(Keywords.Id, out var id) && id is null)
        {
            Safe(activeProperty ?? "@id", "a node with a keyword-like @id would be dropped");
            return null;
        }

        if (result.TryGetValue(Keywords.Value, out var value))
        {
            foreach (var key in result.Keys)
            {
                if (key is not (Keywords.Direction or Keywords.Index or Keywords.Language or Keywords.Type or Keywords.Value))
                {
                    throw new JsonLdException("invalid value object", $"a value object cannot have {key}");
                }
            }

            var hasType = result.TryGetValue(Keywords.Type, out var type);
            if (hasType && (result.ContainsKey(Keywords.Language) || result.ContainsKey(Keywords.Direction)))
            {
                throw new JsonLdException("invalid value object", "a value object cannot have both @type and @language/@direction");
            }

            if (hasType && type is Keywords.Json)
            {
                return Keep(activeProperty, result);
            }

            if (value is null)
            {
                return null;
            }

            if (value is not string && result.ContainsKey(Keywords.Language))
            {
                throw new JsonLdException("invalid language-tagged value", "only strings can have a language");
            }

            if (hasType && (type is not string t || !Iri.IsWellFormed(t)))
            {
                throw new JsonLdException("invalid typed value", $"value type {type} is not an IRI");
            }

            if (value is not (string or double or bool))
            {
                throw new JsonLdException("invalid value object value", "@value must be a scalar");
            }
        }
        else if (result.TryGetValue(Keywords.Type, out var types) && types is not List<object?>)
        {
            result[Keywords.Type] = new List<object?> { types };
        }
        else if (result.ContainsKey(Keywords.Set) || result.ContainsKey(Keywords.List))
        {
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey(Keywords.Index)))
            {
                throw new JsonLdException("invalid set or list object", "@set and @list objects may only add @index");
            }

            if (result.TryGetValue(Keywords.Set, out var set))
            {
                return set;
            }
        }

        if (result.Count == 1 && result.ContainsKey(Keywords.Language))
        {
            Safe(activeProperty ?? "@language", "an object with only @language would be dropped");
            return null;
        }

        return Keep(activeProperty, result);
    }

    // Step 19: drop free-floating values and empty or id-only nodes at the top level and in @graph.
    private Dictionary<string, object?>? Keep(string? activeProperty, Dictionary<string, object?> result)
    {
        if (activeProperty is not (null or Keywords.Graph))
        {
            return result;
        }

        if (result.Count == 0)
        {
            return null;
        }

        if (result.ContainsKey(Keywords.Value) || result.ContainsKey(Keywords.List))
        {
            Safe(activeProperty ?? "(top level)", "a free-floating value or list would be dropped");
            return null;
        }

        if (result.Count == 1 && result.ContainsKey(Keywords.Id))
        {
            Safe(activeProperty ?? "@id", "a top-level object with only @id would be dropped");
            return null;
        }

        return result;
    }
}
