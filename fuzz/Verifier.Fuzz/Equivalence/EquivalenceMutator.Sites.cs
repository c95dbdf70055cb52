using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verifier.Fuzz.Equivalence;

/// <summary>Where the rewrites can land (a depth-first walk that never enters @context) and how each is written.</summary>
internal static partial class EquivalenceMutator
{
    private sealed record Member(JsonObject Parent, string Key, string Path);

    /// <summary>Every member of every object, depth first, except what is inside an @context.</summary>
    private static List<Member> Members(JsonObject root)
    {
        var list = new List<Member>();
        Walk(root, "$", (node, path) =>
        {
            if (node is JsonObject o)
            {
                foreach (var (key, _) in o)
                {
                    list.Add(new Member(o, key, $"{path}.{key}"));
                }
            }
        });
        return list;
    }

    private static List<(JsonObject Node, string Path)> Objects(JsonObject root)
    {
        var list = new List<(JsonObject, string)>();
        Walk(root, "$", (node, path) =>
        {
            if (node is JsonObject o)
            {
                list.Add((o, path));
            }
        });
        return list;
    }

    private static List<(JsonArray Node, string Path)> Arrays(JsonObject root)
    {
        var list = new List<(JsonArray, string)>();
        Walk(root, "$", (node, path) =>
        {
            if (node is JsonArray { Count: > 1 } a)
            {
                list.Add((a, path));
            }
        });
        return list;
    }

    private static void Walk(JsonNode? node, string path, Action<JsonNode, string> visit)
    {
        if (node is null)
        {
            return;
        }

        visit(node, path);
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (key != "@context")
                    {
                        Walk(value, $"{path}.{key}", visit);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Walk(a[i], $"{path}[{i}]", visit);
                }

                break;
        }
    }

    private static T? Pick<T>(List<T> candidates, ChoiceStream choices)
        where T : class => candidates.Count == 0 ? null : candidates[choices.Next(candidates.Count)];

    private static (JsonObject Node, string Path)? Pick(List<(JsonObject Node, string Path)> candidates, ChoiceStream choices) =>
        candidates.Count == 0 ? null : candidates[choices.Next(candidates.Count)];

    private static (JsonArray Node, string Path)? Pick(List<(JsonArray Node, string Path)> candidates, ChoiceStream choices) =>
        candidates.Count == 0 ? null : candidates[choices.Next(candidates.Count)];

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static string Rename(Member m, string newKey, Func<JsonNode?, JsonNode?> convert)
    {
        var value = convert(m.Parent[m.Key]?.DeepClone());
        m.Parent.Remove(m.Key);
        m.Parent[newKey] = value;
        return $"{m.Path} -> {newKey}";
    }

    private static string Replace(Member m, Func<JsonNode?, JsonNode?> convert)
    {
        m.Parent[m.Key] = convert(m.Parent[m.Key]?.DeepClone());
        return m.Path;
    }

    /// <summary>A value as the IRI key needs it: IRIs as node references, typed strings as typed value objects.</summary>
    private static JsonNode? Coerce(JsonNode? value, string? coercion) => value switch
    {
        JsonArray items => new JsonArray([.. items.Select(i => Coerce(i?.DeepClone(), coercion))]),
        JsonValue when IsString(value) && coercion == TermTable.Id => new JsonObject { ["id"] = value.GetValue<string>() },
        JsonValue when IsString(value) && coercion is not null => new JsonObject { ["@value"] = value.GetValue<string>(), ["@type"] = coercion },
        _ => value,
    };

    private static string Reorder(JsonObject node, int shift, string path)
    {
        var members = node.Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
        node.Clear();
        for (var i = 0; i < members.Count; i++)
        {
            var (key, value) = members[(i + shift) % members.Count];
            node[key] = value;
        }

        return path;
    }

    private static string? Reverse(JsonArray node, string path)
    {
        if (path.EndsWith("@list", StringComparison.Ordinal))
        {
            return null; // order is meaning in a list
        }

        var items = node.Select(i => i?.DeepClone()).Reverse().ToList();
        node.Clear();
        items.ForEach(node.Add);
        return path;
    }

    private static string? TypeToIri(List<Member> types, ChoiceStream choices)
    {
        if (Pick(types, choices) is not { } m)
        {
            return null;
        }

        switch (m.Parent[m.Key])
        {
            case JsonValue v when IsString(v) && TermTable.Types.TryGetValue(v.GetValue<string>(), out var iri):
                m.Parent[m.Key] = iri;
                return m.Path;
            case JsonArray a when a.Count > 0:
                var i = choices.Next(a.Count);
                if (IsString(a[i]) && TermTable.Types.TryGetValue(a[i]!.GetValue<string>(), out var itemIri))
                {
                    a[i] = itemIri;
                    return $"{m.Path}[{i}]";
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>A top-level inline term for an IRI a published term already names, used in place of that term.</summary>
    private static string? InlineAlias(JsonObject root, List<Member> terms, ChoiceStream choices)
    {
        if (Pick(terms, choices) is not { } m || root["@context"] is not { } context)
        {
            return null;
        }

        var alias = "x" + m.Key;
        if (m.Parent.ContainsKey(alias))
        {
            return null;
        }

        var (iri, coercion) = TermTable.Properties[m.Key];
        JsonNode definition = new JsonObject { [alias] = coercion is null ? iri : new JsonObject { ["@id"] = iri, ["@type"] = coercion } };
        if (context is JsonArray list)
        {
            list.Add(definition);
        }
        else
        {
            root["@context"] = new JsonArray(context.DeepClone(), definition);
        }

        return Rename(m, alias, v => v);
    }

    private static string? GraphWrap(JsonObject root)
    {
        if (root.ContainsKey("@graph"))
        {
            return null;
        }

        var inner = new JsonObject();
        foreach (var (key, value) in root.ToList())
        {
            if (key is not ("@context" or "proof"))
            {
                inner[key] = value?.DeepClone();
                root.Remove(key);
            }
        }

        root["@graph"] = new JsonArray(inner);
        return "$";
    }

    /// <summary>A node replaced by a reference to its id, its properties moved to the top-level @included.</summary>
    private static string? IncludedMove(JsonObject root, List<Member> nodes, ChoiceStream choices)
    {
        if (Pick(nodes, choices) is not { } m)
        {
            return null;
        }

        var node = m.Parent[m.Key]!.DeepClone().AsObject();
        m.Parent[m.Key] = new JsonObject { ["id"] = node["id"]!.DeepClone() };
        if (root["@included"] is JsonArray included)
        {
            included.Add(node);
        }
        else
        {
            root["@included"] = new JsonArray(node);
        }

        return m.Path;
    }

    private static string? PickDuplicate(JsonObject root, ChoiceStream choices, ref string? duplicate)
    {
        if (Pick(Members(root).FindAll(m => IsString(m.Parent[m.Key])), choices) is not { } m)
        {
            return null;
        }

        duplicate = JsonSerializer.Serialize(m.Key) + ":" + JsonSerializer.Serialize(m.Parent[m.Key]!.GetValue<string>());
        return m.Path;
    }
}
