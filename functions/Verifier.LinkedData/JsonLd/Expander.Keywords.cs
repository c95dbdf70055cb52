using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

internal sealed partial class Expander
{
    // API §5.1.2 step 13.4: an entry whose key expands to a keyword.
    private void ExpandKeyword(ActiveContext active, ActiveContext typeScoped, string? activeProperty, string key, string keyword, JsonElement value, Dictionary<string, object?> result, string? inputType, string? baseUrl)
    {
        if (activeProperty == Keywords.Reverse)
        {
            throw new JsonLdException("invalid reverse property map", "keywords are not allowed in @reverse");
        }

        if (result.ContainsKey(keyword) && (active.Mode10 || keyword is not (Keywords.Included or Keywords.Type)))
        {
            throw new JsonLdException("colliding keywords", $"{keyword} appears more than once");
        }

        object? expandedValue = null;
        switch (keyword)
        {
            case Keywords.Id:
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw new JsonLdException("invalid @id value", "@id must be a string");
                }

                expandedValue = ExpandId(active, value.GetString()!, key);
                if (expandedValue is null)
                {
                    // A keyword-like @id ("@ignoreMe") expands to null: the node is dropped (Finish).
                    result[Keywords.Id] = null;
                    return;
                }

                break;
            case Keywords.Type:
                expandedValue = ExpandTypes(typeScoped, key, value, result);
                break;
            case Keywords.Graph:
                expandedValue = AsList(Expand(active, Keywords.Graph, value, baseUrl));
                break;
            case Keywords.Included:
                if (active.Mode10)
                {
                    return;
                }

                var included = AsList(Expand(active, null, value, baseUrl));
                foreach (var item in included)
                {
                    if (item is not Dictionary<string, object?> node || node.ContainsKey(Keywords.Value) || node.ContainsKey(Keywords.List) || node.ContainsKey(Keywords.Set))
                    {
                        throw new JsonLdException("invalid @included value", "@included values must be node objects");
                    }
                }

                if (result.TryGetValue(Keywords.Included, out var prior) && prior is List<object?> priorList)
                {
                    included.InsertRange(0, priorList);
                }

                expandedValue = included;
                break;
            case Keywords.Value:
                if (inputType == Keywords.Json)
                {
                    if (active.Mode10)
                    {
                        throw new JsonLdException("invalid value object value", "@json needs json-ld-1.1");
                    }

                    result[Keywords.Value] = value;
                    return;
                }

                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    throw new JsonLdException("invalid value object value", "@value must be a scalar or null");
                }

                result[Keywords.Value] = Scalar(value);
                return;
            case Keywords.Language:
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw new JsonLdException("invalid language-tagged string", "@language must be a string");
                }

                expandedValue = value.GetString()!.ToLowerInvariant();
                break;
            case Keywords.Direction:
                if (active.Mode10)
                {
                    return;
                }

                if (value.ValueKind != JsonValueKind.String || value.GetString() is not ("ltr" or "rtl"))
                {
                    throw new JsonLdException("invalid base direction", "@direction must be ltr or rtl");
                }

                expandedValue = value.GetString();
                break;
            case Keywords.Index:
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw new JsonLdException("invalid @index value", "@index must be a string");
                }

                expandedValue = value.GetString();
                break;
            case Keywords.List:
                if (activeProperty is null or Keywords.Graph)
                {
                    Safe(key, "a free-floating list would be dropped");
                    return;
                }

                var list = AsList(Expand(active, activeProperty, value, baseUrl));
                if (active.Mode10 && list.Exists(IsListObject))
                {
                    throw new JsonLdException("list of lists", "lists of lists need json-ld-1.1");
                }

                expandedValue = list;
                break;
            case Keywords.Set:
                expandedValue = Expand(active, activeProperty, value, baseUrl);
                break;
            case Keywords.Reverse:
                ExpandReverse(active, value, result, baseUrl);
                return;
            default:
                // Framing keywords and keywords with no meaning here (e.g. @context handled earlier).
                Safe(key, $"{keyword} is ignored by expansion");
                return;
        }

        if (expandedValue is not null)
        {
            result[keyword] = expandedValue;
        }
    }

    // Step 13.4.4.
    private object ExpandTypes(ActiveContext typeScoped, string key, JsonElement value, Dictionary<string, object?> result)
    {
        object expanded;
        if (value.ValueKind == JsonValueKind.String)
        {
            expanded = ExpandType(typeScoped, key, value.GetString()!);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            var list = new List<object?>(value.GetArrayLength());
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    throw new JsonLdException("invalid type value", "@type must be a string or an array of strings");
                }

                list.Add(ExpandType(typeScoped, key, item.GetString()!));
            }

            expanded = list;
        }
        else
        {
            throw new JsonLdException("invalid type value", "@type must be a string or an array of strings");
        }

        if (result.TryGetValue(Keywords.Type, out var prior))
        {
            var merged = AsList(prior).ToList();
            merged.AddRange(AsList(expanded));
            return merged;
        }

        return expanded;
    }

    private string ExpandType(ActiveContext typeScoped, string key, string value)
    {
        var iri = ContextProcessor.ExpandIri(typeScoped, value, documentRelative: true, vocab: true);
        if (Audit is { } audit)
        {
            AuditTypeValue(audit, typeScoped, value, iri);
        }

        if (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri) && !Keywords.IsKeyword(iri)))
        {
            // Safe mode: a relative type IRI is dropped by toRdf, changing meaning without breaking a signature.
            Safe(key, $"type \"{value}\" does not expand to an absolute IRI");
        }

        return iri ?? value;
    }

    // Step 13.4.13.
    private void ExpandReverse(ActiveContext active, JsonElement value, Dictionary<string, object?> result, string? baseUrl)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new JsonLdException("invalid @reverse value", "@reverse must be an object");
        }

        if (Expand(active, Keywords.Reverse, value, baseUrl) is not Dictionary<string, object?> expanded)
        {
            return;
        }

        if (expanded.TryGetValue(Keywords.Reverse, out var doubleReversed) && doubleReversed is Dictionary<string, object?> dr)
        {
            foreach (var (property, items) in dr)
            {
                AddValues(result, property, items);
            }
        }

        foreach (var (property, items) in expanded)
        {
            if (property == Keywords.Reverse)
            {
                continue;
            }

            var reverseMap = GetOrAddMap(result, Keywords.Reverse);
            foreach (var item in AsList(items))
            {
                if (item is Dictionary<string, object?> m && (m.ContainsKey(Keywords.Value) || m.ContainsKey(Keywords.List)))
                {
                    throw new JsonLdException("invalid reverse property value", $"{property}: a reverse property needs node objects");
                }

                AddValue(reverseMap, property, item);
            }
        }
    }
}
