using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

/// <summary>Node Map Generation (JSON-LD 1.1 API §7.2.2): flattens expanded JSON-LD into graphs of nodes.</summary>
internal sealed class NodeMap
{
    private readonly Dictionary<string, string> blankLabels = new(StringComparer.Ordinal);
    private readonly Session session;
    private int counter;

    public NodeMap(Session session)
    {
        this.session = session;
        Graphs[Keywords.Default] = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
    }

    public Dictionary<string, Dictionary<string, Dictionary<string, object?>>> Graphs { get; } = new(StringComparer.Ordinal);

    /// <summary>Blank Node Identifier Generation (API §7.3): relabels every blank node consistently.</summary>
    public string Label(string? id)
    {
        if (id is null)
        {
            return "_:b" + counter++;
        }

        if (!blankLabels.TryGetValue(id, out var label))
        {
            label = "_:b" + counter++;
            blankLabels[id] = label;
        }

        return label;
    }

    public void Add(object? element, string activeGraph, object? activeSubject, string? activeProperty, List<object?>? list)
    {
        session.Step();
        if (element is List<object?> items)
        {
            foreach (var item in items)
            {
                Add(item, activeGraph, activeSubject, activeProperty, list);
            }

            return;
        }

        if (element is not Dictionary<string, object?> map)
        {
            return;
        }

        var graph = Graphs[activeGraph];
        if (map.TryGetValue(Keywords.Type, out var types) && types is List<object?> typeList)
        {
            for (var i = 0; i < typeList.Count; i++)
            {
                if (typeList[i] is string t && Iri.IsBlankNode(t))
                {
                    typeList[i] = Label(t);
                }
            }
        }

        if ((map.ContainsKey(Keywords.Value) || map.ContainsKey(Keywords.List)) && list is null && (activeSubject is not string || activeProperty is null))
        {
            // A value or list with no subject (e.g. put in a graph by a @graph container): it has no triple.
            if (session.Options.SafeMode)
            {
                throw new JsonLdException(JsonLdErrorCodes.SafeModeViolation, "a value outside any node would be dropped") { Property = activeProperty ?? Keywords.Graph };
            }

            return;
        }

        if (map.ContainsKey(Keywords.Value))
        {
            // Step 3.
            if (list is null)
            {
                AddUnique(graph[(string)activeSubject!], activeProperty!, map);
            }
            else
            {
                list.Add(map);
            }
        }
        else if (map.TryGetValue(Keywords.List, out var listValue))
        {
            // Step 4.
            var result = new List<object?>();
            Add(listValue, activeGraph, activeSubject, activeProperty, result);
            var listObject = new Dictionary<string, object?>(1) { [Keywords.List] = result };
            if (list is null)
            {
                Expander.AddValues(graph[(string)activeSubject!], activeProperty!, new List<object?> { listObject });
            }
            else
            {
                list.Add(listObject);
            }
        }
        else
        {
            AddNode(map, graph, activeGraph, activeSubject, activeProperty, list);
        }
    }

    // Step 6.
    private void AddNode(Dictionary<string, object?> map, Dictionary<string, Dictionary<string, object?>> graph, string activeGraph, object? activeSubject, string? activeProperty, List<object?>? list)
    {
        var id = map.TryGetValue(Keywords.Id, out var rawId) && rawId is string s ? (Iri.IsBlankNode(s) ? Label(s) : s) : Label(null);
        if (!graph.TryGetValue(id, out var node))
        {
            node = new Dictionary<string, object?>(map.Count + 1) { [Keywords.Id] = id };
            graph[id] = node;
        }

        if (activeSubject is Dictionary<string, object?> reverseSubject)
        {
            AddUnique(node, activeProperty!, reverseSubject);
        }
        else if (activeProperty is not null)
        {
            var reference = new Dictionary<string, object?>(1) { [Keywords.Id] = id };
            if (list is null)
            {
                AddUnique(graph[(string)activeSubject!], activeProperty, reference);
            }
            else
            {
                list.Add(reference);
            }
        }

        if (map.TryGetValue(Keywords.Type, out var types))
        {
            foreach (var t in Expander.AsList(types))
            {
                AddUniqueScalar(node, Keywords.Type, t);
            }
        }

        if (map.TryGetValue(Keywords.Index, out var index))
        {
            if (node.TryGetValue(Keywords.Index, out var existing) && !Equals(existing, index))
            {
                throw new JsonLdException("conflicting indexes", $"node {id} has two indexes");
            }

            node[Keywords.Index] = index;
        }

        if (map.TryGetValue(Keywords.Reverse, out var reverse) && reverse is Dictionary<string, object?> reverseMap)
        {
            var referenced = new Dictionary<string, object?>(1) { [Keywords.Id] = id };
            foreach (var (property, values) in reverseMap)
            {
                foreach (var value in Expander.AsList(values))
                {
                    Add(value, activeGraph, referenced, property, null);
                }
            }
        }

        if (map.TryGetValue(Keywords.Graph, out var nested))
        {
            if (!Graphs.ContainsKey(id))
            {
                Graphs[id] = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
            }

            Add(nested, id, null, null, null);
        }

        if (map.TryGetValue(Keywords.Included, out var included))
        {
            Add(included, activeGraph, null, null, null);
        }

        foreach (var (key, value) in map)
        {
            if (key is Keywords.Id or Keywords.Type or Keywords.Index or Keywords.Reverse or Keywords.Graph or Keywords.Included)
            {
                continue;
            }

            var property = Iri.IsBlankNode(key) ? Label(key) : key;
            if (!node.ContainsKey(property))
            {
                node[property] = new List<object?>();
            }

            Add(value, activeGraph, id, property, null);
        }
    }

    private static void AddUniqueScalar(Dictionary<string, object?> node, string key, object? value)
    {
        if (!node.TryGetValue(key, out var existing) || existing is not List<object?> list)
        {
            list = [];
            node[key] = list;
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static void AddUnique(Dictionary<string, object?> node, string key, Dictionary<string, object?> value)
    {
        if (!node.TryGetValue(key, out var existing) || existing is not List<object?> list)
        {
            list = [];
            node[key] = list;
        }

        foreach (var item in list)
        {
            if (item is Dictionary<string, object?> m && SameValue(m, value))
            {
                return;
            }
        }

        list.Add(value);
    }

    private static bool SameValue(Dictionary<string, object?> a, Dictionary<string, object?> b)
    {
        if (a.ContainsKey(Keywords.List) || b.ContainsKey(Keywords.List) || a.Count != b.Count)
        {
            return false;
        }

        foreach (var (k, v) in a)
        {
            if (!b.TryGetValue(k, out var w))
            {
                return false;
            }

            var same = (v, w) switch
            {
                (JsonElement x, JsonElement y) => JsonElement.DeepEquals(x, y),
                _ => Equals(v, w),
            };
            if (!same)
            {
                return false;
            }
        }

        return true;
    }
}
