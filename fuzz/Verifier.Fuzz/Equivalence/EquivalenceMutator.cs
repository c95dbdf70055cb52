using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verifier.Fuzz.Equivalence;

/// <summary>
/// Deterministic JSON-LD-equivalent rewrites of a signed credential, steered by a <see cref="ChoiceStream"/>: each
/// keeps the RDF graph (so an RDFC signature still verifies) while changing the JSON a reader sees — term to IRI,
/// value to value object, value to array, keyword for its alias, added blank node ids, @set, @nest, @included, @graph,
/// an inline alias, a type as IRI, reorderings, and a duplicated member. Some land where they do change the graph
/// (a term the table does not know at that node): those simply break the proof.
/// </summary>
internal static class EquivalenceMutator
{
    public enum Kind
    {
        TermToIri,
        ValueObject,
        Array,
        KeywordForAlias,
        BlankId,
        SetWrap,
        Nest,
        ReorderMembers,
        ReorderArray,
        TypeToIri,
        InlineAlias,
        GraphWrap,
        IncludedMove,
        Duplicate,
    }

    private static readonly int Kinds = Enum.GetValues<Kind>().Length;

    /// <summary>One to three rewrites of a copy of <paramref name="genuine"/>, as JSON text, and what was applied.</summary>
    public static (string Text, List<string> Applied) Mutate(JsonObject genuine, ChoiceStream choices)
    {
        var doc = genuine.DeepClone().AsObject();
        var applied = new List<string>();
        string? duplicate = null;
        var count = 1 + choices.Next(3);
        for (var i = 0; i < count; i++)
        {
            var kind = (Kind)choices.Next(Kinds);
            var what = kind == Kind.Duplicate ? PickDuplicate(doc, choices, ref duplicate) : Apply(doc, kind, choices);
            if (what is not null)
            {
                applied.Add($"{kind} {what}");
            }
        }

        var text = doc.ToJsonString();
        if (duplicate is not null && text.IndexOf(duplicate, StringComparison.Ordinal) is var at and >= 0)
        {
            // JsonNode cannot hold two members of one name: the duplicate is written into the text.
            text = text.Insert(at + duplicate.Length, "," + duplicate);
        }

        return (text, applied);
    }

    private static string? Apply(JsonObject root, Kind kind, ChoiceStream choices)
    {
        var members = Members(root);
        switch (kind)
        {
            case Kind.TermToIri:
                return Pick(members.FindAll(m => TermTable.Properties.ContainsKey(m.Key)), choices) is { } t && !t.Parent.ContainsKey(TermTable.Properties[t.Key].Iri)
                    ? Rename(t, TermTable.Properties[t.Key].Iri, v => Coerce(v, TermTable.Properties[t.Key].Coercion))
                    : null;
            case Kind.ValueObject:
                if (Pick(members.FindAll(m => TermTable.Properties.TryGetValue(m.Key, out var d) && d.Coercion != TermTable.Id && IsString(m.Parent[m.Key])), choices) is not { } v)
                {
                    return null;
                }

                var valueObject = new JsonObject { ["@value"] = v.Parent[v.Key]!.GetValue<string>() };
                if (TermTable.Properties[v.Key].Coercion is { } datatype)
                {
                    valueObject["@type"] = datatype;
                }

                v.Parent[v.Key] = valueObject;
                return v.Path;
            case Kind.Array:
                return Pick(members.FindAll(m => m.Key is not ("@context" or "id" or "@id") && m.Parent[m.Key] is not JsonArray), choices) is { } a
                    ? Replace(a, value => new JsonArray(value))
                    : null;
            case Kind.KeywordForAlias:
                return Pick(members.FindAll(m => m.Key is "id" or "type" && !m.Parent.ContainsKey("@" + m.Key)), choices) is { } k
                    ? Rename(k, "@" + k.Key, value => value)
                    : null;
            case Kind.BlankId:
                var blank = Pick(Objects(root).FindAll(o => o.Node != root && !o.Node.ContainsKey("id") && !o.Node.ContainsKey("@id") && !o.Node.ContainsKey("@value")), choices);
                if (blank is null)
                {
                    return null;
                }

                blank.Value.Node["id"] = $"_:b{choices.Next(100)}";
                return blank.Value.Path;
            case Kind.SetWrap:
                return Pick(members.FindAll(m => m.Key is not ("@context" or "id" or "@id" or "type" or "@type" or "@value" or "@language")), choices) is { } s
                    ? Replace(s, value => new JsonObject { ["@set"] = value as JsonArray ?? new JsonArray(value) })
                    : null;
            case Kind.Nest:
                if (Pick(members.FindAll(m => m.Key is not ("@context" or "@nest") && !m.Parent.ContainsKey("@value")), choices) is not { } n)
                {
                    return null;
                }

                var moved = n.Parent[n.Key]!.DeepClone();
                n.Parent.Remove(n.Key);
                var nest = n.Parent["@nest"] as JsonObject ?? new JsonObject();
                nest[n.Key] = moved;
                n.Parent["@nest"] = nest;
                return n.Path;
            case Kind.ReorderMembers:
                return Pick(Objects(root).FindAll(o => o.Node.Count > 1), choices) is { } r ? Reorder(r.Node, 1 + choices.Next(r.Node.Count - 1), r.Path) : null;
            case Kind.ReorderArray:
                return Pick(Arrays(root), choices) is { } arr ? Reverse(arr.Node, arr.Path) : null;
            case Kind.TypeToIri:
                return TypeToIri(members.FindAll(m => m.Key is "type" or "@type"), choices);
            case Kind.InlineAlias:
                return InlineAlias(root, members.FindAll(m => TermTable.Properties.ContainsKey(m.Key)), choices);
            case Kind.GraphWrap:
                return GraphWrap(root);
            case Kind.IncludedMove:
                return IncludedMove(root, members.FindAll(m => m.Parent[m.Key] is JsonObject o && o["id"] is JsonValue && m.Key is not ("proof" or "@context" or "@included")), choices);
            default:
                return null;
        }
    }

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
