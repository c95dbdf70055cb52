using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

/// <summary>
/// Expansion Algorithm (JSON-LD 1.1 API §5.1.2) over System.Text.Json input. Output: maps are
/// Dictionary&lt;string, object?&gt;, arrays List&lt;object?&gt;, scalars string/double/bool, @json values JsonElement.
/// </summary>
internal sealed partial class Expander(Session session, ContextProcessor contexts)
{
    private int depth;

    public object? Expand(ActiveContext active, string? activeProperty, JsonElement element, string? baseUrl, bool fromMap = false)
    {
        session.Step();
        if (++depth > session.Options.MaxDepth)
        {
            throw new JsonLdException(JsonLdErrorCodes.ProcessingLimit, $"JSON nesting deeper than {session.Options.MaxDepth}");
        }

        try
        {
            return ExpandCore(active, activeProperty, element, baseUrl, fromMap);
        }
        finally
        {
            depth--;
        }
    }

    private object? ExpandCore(ActiveContext active, string? activeProperty, JsonElement element, string? baseUrl, bool fromMap)
    {
        // Step 1-3.
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var apDef = activeProperty is null ? null : active.Term(activeProperty);
        var scoped = apDef?.LocalContext is not null ? apDef : null;

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return ExpandObject(active, activeProperty, apDef, scoped, element, baseUrl, fromMap);
            case JsonValueKind.Array:
                var result = new List<object?>(element.GetArrayLength());
                var isList = apDef is not null && (apDef.Container & Container.List) != 0;
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Audit?.Enter(index++);
                    var expanded = Expand(active, activeProperty, item, baseUrl, fromMap);
                    Audit?.Leave();
                    if (isList && expanded is List<object?> nested)
                    {
                        if (active.Mode10)
                        {
                            throw new JsonLdException("list of lists", "lists of lists need json-ld-1.1");
                        }

                        expanded = new Dictionary<string, object?>(1) { [Keywords.List] = nested };
                    }

                    if (isList && active.Mode10 && IsListObject(expanded))
                    {
                        throw new JsonLdException("list of lists", "lists of lists need json-ld-1.1");
                    }

                    if (expanded is List<object?> many)
                    {
                        result.AddRange(many);
                    }
                    else if (expanded is not null)
                    {
                        result.Add(expanded);
                    }
                }

                return result;
            default:
                // Step 4: scalars.
                if (activeProperty is null or Keywords.Graph)
                {
                    Safe(activeProperty ?? "(top level)", "a free-floating value would be dropped");
                    return null;
                }

                if (scoped is not null)
                {
                    active = ApplyPropertyScoped(active, scoped);
                }

                return ExpandValue(active, activeProperty, Scalar(element));
        }
    }

    /// <summary>Value Expansion (API §5.3.2).</summary>
    private Dictionary<string, object?> ExpandValue(ActiveContext active, string? activeProperty, object? value)
    {
        var def = activeProperty is null ? null : active.Term(activeProperty);
        if (value is string s && def is not null)
        {
            if (def.TypeMapping == Keywords.Id)
            {
                return new(1) { [Keywords.Id] = ExpandId(active, s, activeProperty!) };
            }

            if (def.TypeMapping == Keywords.Vocab)
            {
                var iri = ContextProcessor.ExpandIri(active, s, true, true);
                if (Audit is { } audit)
                {
                    AuditTypeValue(audit, active, s, iri);
                }

                return new(1) { [Keywords.Id] = CheckedIri(iri, activeProperty!) };
            }
        }

        var result = new Dictionary<string, object?>(2) { [Keywords.Value] = value };
        if (def?.TypeMapping is { } type && type is not (Keywords.Id or Keywords.Vocab or Keywords.None))
        {
            result[Keywords.Type] = type;
        }
        else if (value is string)
        {
            var language = def is { HasLanguage: true } ? def.Language : active.DefaultLanguage;
            var direction = def is { HasDirection: true } ? def.Direction : active.DefaultDirection;
            if (language is not null)
            {
                result[Keywords.Language] = language;
            }

            if (direction is not null)
            {
                result[Keywords.Direction] = direction;
            }
        }

        return result;
    }

    private string? ExpandId(ActiveContext active, string value, string property)
    {
        if (Audit is { } audit)
        {
            AuditNodeId(audit, value);
        }

        var iri = ContextProcessor.ExpandIri(active, value, documentRelative: true);
        return CheckedIri(iri, property);
    }

    /// <summary>Safe mode: a node identifier that is not absolute (nor a blank node) would vanish in toRdf.</summary>
    private string? CheckedIri(string? iri, string property)
    {
        if (session.Options.SafeMode && (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri))))
        {
            Safe(property, $"\"{iri}\" is not an absolute IRI");
        }

        return iri;
    }

    internal static object? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDouble(out var d) && double.IsFinite(d)
            ? d
            : throw new JsonLdException(JsonLdErrorCodes.InvalidNumber, $"number {value.GetRawText()} is out of range"),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private void Safe(string property, string message)
    {
        if (session.Options.SafeMode)
        {
            throw new JsonLdException(JsonLdErrorCodes.SafeModeViolation, $"{property}: {message}") { Property = property };
        }
    }

    private ActiveContext ApplyPropertyScoped(ActiveContext active, TermDefinition def)
    {
        if (def.PropertyScopedCache.TryGetValue(active, out var cached))
        {
            return cached;
        }

        var result = contexts.Process(active, def.LocalContext!.Value, def.BaseUrl, overrideProtected: true);
        def.PropertyScopedCache.AddOrUpdate(active, result);
        return result;
    }

    private ActiveContext ApplyTypeScoped(ActiveContext active, TermDefinition def)
    {
        if (def.TypeScopedCache.TryGetValue(active, out var cached))
        {
            return cached;
        }

        var result = contexts.Process(active, def.LocalContext!.Value, def.BaseUrl, propagate: false);
        def.TypeScopedCache.AddOrUpdate(active, result);
        return result;
    }
}
