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
internal static partial class EquivalenceMutator
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
}
