using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

/// <summary>Create Term Definition (JSON-LD 1.1 API §4.2.2) for the entries of one local context.</summary>
internal sealed partial class TermCreator(
    ContextProcessor processor, ActiveContext active, ContextEntries local, Dictionary<string, bool> defined,
    string? baseUrl, bool isProtected, bool overrideProtected, List<string> remoteContexts)
{
    private static readonly HashSet<string> AllowedEntries = new(StringComparer.Ordinal)
    {
        Keywords.Id, Keywords.Reverse, Keywords.Container, Keywords.Context, Keywords.Direction, Keywords.Index,
        Keywords.Language, Keywords.Nest, Keywords.Prefix, Keywords.Protected, Keywords.Type,
    };

    /// <summary>Steps 3 and 6.3 of IRI expansion: define a term of the local context on first use.</summary>
    public void EnsureDefined(string term)
    {
        if (local.Contains(term) && (!defined.TryGetValue(term, out var done) || !done))
        {
            Create(term);
        }
    }

    public void Create(string term)
    {
        processor.Step();
        // Step 1-2.
        if (defined.TryGetValue(term, out var done))
        {
            if (done)
            {
                return;
            }

            throw new JsonLdException("cyclic IRI mapping", $"term {term} is defined in terms of itself");
        }

        if (term.Length == 0)
        {
            throw new JsonLdException("invalid term definition", "the empty string is not a term");
        }

        defined[term] = false;
        local.TryGet(term, out var value);

        // Step 4-5.
        if (term == Keywords.Type && !active.Mode10 && value.ValueKind == JsonValueKind.Object && IsTypeContainerOnly(value))
        {
            // allowed: @type may be given @container: @set and/or @protected
        }
        else if (Keywords.IsKeyword(term))
        {
            throw new JsonLdException("keyword redefinition", $"{term} cannot be redefined");
        }
        else if (Iri.HasKeywordForm(term))
        {
            defined[term] = true; // reserved for future keywords: ignored (warning)
            return;
        }

        // Step 6.
        active.Terms.Remove(term, out var previous);

        // Step 7-9.
        var simple = false;
        JsonElement map;
        string? idString = null;
        var hasId = false;
        var idIsNull = false;
        if (value.ValueKind == JsonValueKind.Null)
        {
            map = default;
            hasId = true;
            idIsNull = true;
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            map = default;
            simple = true;
            hasId = true;
            idString = value.GetString();
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            map = value;
            if (map.TryGetProperty(Keywords.Id, out var idValue))
            {
                hasId = true;
                if (idValue.ValueKind == JsonValueKind.Null)
                {
                    idIsNull = true;
                }
                else if (idValue.ValueKind == JsonValueKind.String)
                {
                    idString = idValue.GetString();
                }
                else
                {
                    throw new JsonLdException("invalid IRI mapping", $"@id of {term} must be a string");
                }
            }
        }
        else
        {
            throw new JsonLdException("invalid term definition", $"definition of {term} must be a string, object or null");
        }

        var def = new TermDefinition { Protected = isProtected };
        var isMap = map.ValueKind == JsonValueKind.Object;
        if (isMap)
        {
            if (!ApplyMapEntriesBeforeId(term, map, def, previous))
            {
                return;
            }

            if (def.Reverse)
            {
                Publish(term, def, previous);
                return;
            }
        }

        // Step 14-18.
        if (!AssignIri(term, def, hasId, idIsNull, idString, simple))
        {
            return;
        }

        if (isMap)
        {
            ApplyMapEntriesAfterId(term, map, def);
        }

        Publish(term, def, previous);
    }

    private static bool IsTypeContainerOnly(JsonElement value)
    {
        var any = false;
        foreach (var p in value.EnumerateObject())
        {
            any = true;
            if (p.Name == Keywords.Container)
            {
                if (!(p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == Keywords.Set))
                {
                    return false;
                }
            }
            else if (p.Name != Keywords.Protected)
            {
                return false;
            }
        }

        return any;
    }

    private void Publish(string term, TermDefinition def, TermDefinition? previous)
    {
        // Step 27: a protected term may only be "redefined" identically.
        if (!overrideProtected && previous is { Protected: true })
        {
            if (!def.SameAs(previous))
            {
                throw new JsonLdException("protected term redefinition", $"{term} is protected");
            }

            def = previous;
        }

        active.Terms[term] = def;
        if (def.Protected)
        {
            active.HasProtected = true;
        }

        defined[term] = true;
    }
}
