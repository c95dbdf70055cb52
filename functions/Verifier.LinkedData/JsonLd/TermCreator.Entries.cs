using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

internal sealed partial class TermCreator
{
    // Steps 11-13 (API §4.2.2). Returns false when the definition is to be ignored (a keyword-like @reverse).
    private bool ApplyMapEntriesBeforeId(string term, JsonElement map, TermDefinition def, TermDefinition? previous)
    {
        _ = previous;
        if (map.TryGetProperty(Keywords.Protected, out var prot))
        {
            if (active.Mode10)
            {
                throw new JsonLdException("invalid term definition", "@protected in json-ld-1.0 mode");
            }

            if (prot.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonLdException("invalid @protected value", "@protected must be a boolean");
            }

            def.Protected = prot.ValueKind == JsonValueKind.True;
        }

        if (map.TryGetProperty(Keywords.Type, out var type))
        {
            if (type.ValueKind != JsonValueKind.String)
            {
                throw new JsonLdException("invalid type mapping", $"@type of {term} must be a string");
            }

            var expanded = ContextProcessor.ExpandIri(active, type.GetString(), vocab: true, creator: this);
            if (active.Mode10 && expanded is Keywords.Json or Keywords.None)
            {
                throw new JsonLdException("invalid type mapping", $"{expanded} in json-ld-1.0 mode");
            }

            if (expanded is not (Keywords.Id or Keywords.Json or Keywords.None or Keywords.Vocab) &&
                (expanded is null || !Iri.IsAbsolute(expanded)))
            {
                throw new JsonLdException("invalid type mapping", $"@type of {term} is not an IRI");
            }

            def.TypeMapping = expanded;
        }

        if (map.TryGetProperty(Keywords.Reverse, out var reverse))
        {
            if (map.TryGetProperty(Keywords.Id, out _) || map.TryGetProperty(Keywords.Nest, out _))
            {
                throw new JsonLdException("invalid reverse property", $"{term} has @reverse with @id or @nest");
            }

            if (reverse.ValueKind != JsonValueKind.String)
            {
                throw new JsonLdException("invalid IRI mapping", $"@reverse of {term} must be a string");
            }

            var r = reverse.GetString()!;
            if (Iri.HasKeywordForm(r))
            {
                defined[term] = true;
                return false;
            }

            var iri = ContextProcessor.ExpandIri(active, r, vocab: true, creator: this);
            if (iri is null || (!Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri)))
            {
                throw new JsonLdException("invalid IRI mapping", $"@reverse of {term} is not an IRI");
            }

            def.IriMapping = iri;
            if (map.TryGetProperty(Keywords.Container, out var c))
            {
                if (c.ValueKind == JsonValueKind.Null)
                {
                    def.Container = Container.None;
                }
                else if (c.ValueKind == JsonValueKind.String && c.GetString() is Keywords.Set or Keywords.Index)
                {
                    def.Container = c.GetString() == Keywords.Set ? Container.Set : Container.Index;
                }
                else
                {
                    throw new JsonLdException("invalid reverse property", $"{term}: reverse properties take only @set or @index containers");
                }
            }

            def.Reverse = true;
        }

        return true;
    }

    // Steps 14-18. Returns false when the definition is ignored.
    private bool AssignIri(string term, TermDefinition def, bool hasId, bool idIsNull, string? idString, bool simple)
    {
        if (hasId && idString == term)
        {
            hasId = false;
        }

        if (hasId)
        {
            if (idIsNull)
            {
                def.IriMapping = null; // a null mapping: the term expands to nothing (step 14.1)
                return true;
            }

            if (!Keywords.IsKeyword(idString) && Iri.HasKeywordForm(idString!))
            {
                defined[term] = true;
                return false;
            }

            var iri = ContextProcessor.ExpandIri(active, idString, vocab: true, creator: this);
            if (iri is null || (!Keywords.IsKeyword(iri) && !Iri.IsAbsolute(iri) && !Iri.IsBlankNode(iri)))
            {
                throw new JsonLdException("invalid IRI mapping", $"{term} does not map to an IRI");
            }

            if (iri == Keywords.Context)
            {
                throw new JsonLdException("invalid keyword alias", "@context cannot be aliased");
            }

            def.IriMapping = iri;
            var colon = term.IndexOf(':', StringComparison.Ordinal);
            if (!active.Mode10 && ((colon > 0 && colon < term.Length - 1) || term.Contains('/', StringComparison.Ordinal)))
            {
                // Step 14.2.4: a term that looks like an IRI must expand to that same IRI.
                defined[term] = true;
                var asIri = ContextProcessor.ExpandIri(active, term, vocab: true, creator: this);
                if (asIri != iri)
                {
                    throw new JsonLdException("invalid IRI mapping", $"term {term} looks like an IRI but maps to {iri}");
                }
            }

            if (!term.Contains(':', StringComparison.Ordinal) && !term.Contains('/', StringComparison.Ordinal) && simple &&
                (Iri.EndsWithGenDelim(iri) || Iri.IsBlankNode(iri)))
            {
                def.Prefix = true;
            }

            return true;
        }

        var c = term.IndexOf(':', 1 < term.Length ? 1 : 0);
        if (c > 0)
        {
            // Step 15: compact IRI or absolute IRI used as a term.
            var prefix = term[..c];
            EnsureDefined(prefix);
            def.IriMapping = active.Terms.TryGetValue(prefix, out var p) && p.IriMapping is not null
                ? p.IriMapping + term[(c + 1)..]
                : term;
        }
        else if (term.Contains('/', StringComparison.Ordinal))
        {
            // Step 16: a relative IRI used as a term (expanded without the local context, or it would define itself).
            var iri = ContextProcessor.ExpandIri(active, term, vocab: true);
            if (iri is null || !Iri.IsAbsolute(iri))
            {
                throw new JsonLdException("invalid IRI mapping", $"term {term} is not an IRI");
            }

            def.IriMapping = iri;
        }
        else if (term == Keywords.Type)
        {
            def.IriMapping = Keywords.Type;
        }
        else if (active.Vocab is not null)
        {
            def.IriMapping = active.Vocab + term;
        }
        else
        {
            throw new JsonLdException("invalid IRI mapping", $"{term} has no IRI and there is no @vocab");
        }

        return true;
    }
}
