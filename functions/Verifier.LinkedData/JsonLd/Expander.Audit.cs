using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

/// <summary>
/// The plain-compacted-form rules (docs/jsonld.md), run by the expansion itself when <see cref="JsonLdOptions.Audit"/>
/// is set: the document must be written the one way its own contexts compact it. Each rule names a JSON-LD-equivalent
/// rewrite that keeps an RDFC signature valid while a reader of the JSON sees something else. Every method is only
/// called when <see cref="Audit"/> is not null, so expansion without an audit does exactly what it did before.
/// </summary>
internal sealed partial class Expander
{
    private PlainFormAuditor? Audit => session.Auditor;

    /// <summary>
    /// Object-level rules before the entries: duplicate names, <c>@context</c> placement and inline terms, and value
    /// objects. Returns whether the object is a value object (its entries are then not node properties).
    /// </summary>
    private bool AuditObject(PlainFormAuditor audit, ActiveContext before, ActiveContext active, (string Name, JsonElement Value)[] props, string? baseUrl)
    {
        AuditDuplicates(audit, props);
        var top = depth == 1;
        if (Find(props, Keywords.Context) is { ValueKind: not JsonValueKind.Undefined } local)
        {
            audit.CollectInlineTerms(local);
            if (!top && !IsEmbeddedDocument(local))
            {
                audit.Report(PlainFormViolationKind.NestedContext, "an @context inside the document: only the top-level object may carry one, or a nested alias could rename what the checks read", Keywords.Context);
            }
            else
            {
                AuditRedefinitions(audit, before, local, baseUrl);
            }
        }

        var isValue = false;
        var tagged = false;
        var other = false;
        foreach (var (name, _) in props)
        {
            // Only keywords and terms aliasing them can expand to @value/@language/@direction: no full IRI expansion
            // (which allocates for vocabulary terms) is needed to tell.
            switch (name.StartsWith('@') ? name : active.Term(name)?.IriMapping)
            {
                case Keywords.Value: isValue = true; break;
                case Keywords.Language or Keywords.Direction: tagged = true; break;
                default: other = true; break;
            }
        }

        if (isValue && (other || !tagged))
        {
            // VCDM 2.0 writes language-tagged strings as {"@value", "@language"/"@direction"}; anything else is a
            // spelled-out literal ({"@value", "@type"}) where the plain form writes the bare string.
            audit.Report(PlainFormViolationKind.ValueObject, "a value object (@value) where the plain form writes the value itself; a JSON reader expecting a string would not see it");
        }

        return isValue;
    }

    /// <summary>
    /// An embedded credential (an endorsement, a CLR's member credential) is a document of its own and keeps its own
    /// @context: published contexts only, by URL, starting with a credentials base context. Whatever reads it verifies
    /// it on its own, audit included; an inline definition below the top level is never accepted.
    /// </summary>
    private static bool IsEmbeddedDocument(JsonElement local)
    {
        if (local.ValueKind != JsonValueKind.Array || local.GetArrayLength() == 0 || local[0].ValueKind != JsonValueKind.String
            || !PlainFormAudit.EmbeddedDocumentContexts.Contains(local[0].GetString()!))
        {
            return local.ValueKind == JsonValueKind.String && PlainFormAudit.EmbeddedDocumentContexts.Contains(local.GetString()!);
        }

        foreach (var item in local.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Rules for one key of a node object (or value object), before its value is expanded.</summary>
    private static void AuditKey(PlainFormAuditor audit, ActiveContext active, string key, string expanded)
    {
        if (Keywords.IsKeyword(expanded))
        {
            switch (expanded)
            {
                case Keywords.Id or Keywords.Type:
                    if (!audit.InValueObject && key == expanded && active.TermsByIri.TryGetValue(expanded, out var aliases))
                    {
                        audit.Report(PlainFormViolationKind.Keyword, $"'{key}' where the context's alias '{aliases[0]}' is the plain form; a reader of '{aliases[0]}' would not see it", key);
                    }

                    return;
                case Keywords.Value or Keywords.Language or Keywords.Direction or Keywords.List or Keywords.Set:
                    return; // judged for the whole object (value, @set and @list objects)
                default:
                    audit.Report(PlainFormViolationKind.Keyword, $"{expanded} is not part of the plain form: it moves or wraps values where a JSON reader does not look", key);
                    return;
            }
        }

        // The common case first, without the IRI index: a term the published contexts define is the plain form.
        var term = active.Term(key) is not null;
        if (term && !audit.IsInlineTerm(key))
        {
            return;
        }

        if (!active.TermsByIri.TryGetValue(expanded, out var terms))
        {
            return; // no term names this IRI: the IRI is the plain form
        }

        if (!term)
        {
            audit.Report(PlainFormViolationKind.IriKey, $"'{key}' is written as an IRI; the context's term '{terms[0]}' is the plain form, and a reader of '{terms[0]}' would not see it", key);
        }
        else if (audit.IsInlineTerm(key) && terms.Exists(t => t != key))
        {
            audit.Report(PlainFormViolationKind.AliasTerm, $"'{key}' is a term the document's own context defines for the IRI the term '{terms.Find(t => t != key)}' already names (an alias a reader of '{terms.Find(t => t != key)}' would miss)", key);
        }
    }

    /// <summary>Object-level rules after the entries: @set/@list objects and stray language keys on nodes.</summary>
    private static void AuditExpanded(PlainFormAuditor audit, Dictionary<string, object?> result, bool isValue)
    {
        if (isValue)
        {
            return;
        }

        if (result.ContainsKey(Keywords.Set) || result.ContainsKey(Keywords.List))
        {
            audit.Report(PlainFormViolationKind.SetOrList, "a @set or @list object where the plain form writes the array itself; a JSON reader would not see its items");
        }
        else if (result.ContainsKey(Keywords.Language) || result.ContainsKey(Keywords.Direction))
        {
            audit.Report(PlainFormViolationKind.Keyword, "@language or @direction on a node object is not part of the plain form");
        }
    }

    /// <summary>A @type value (or a value of a term typed @vocab) spelled as an IRI the context has a term for.</summary>
    private static void AuditTypeValue(PlainFormAuditor audit, ActiveContext context, string value, string? iri)
    {
        if (!audit.InValueObject && iri is not null && context.Term(value) is null && context.TermsByIri.TryGetValue(iri, out var terms))
        {
            audit.Report(PlainFormViolationKind.TypeIri, $"'{value}' is written as an IRI; the context's term '{terms[0]}' is the plain form, and a reader comparing with '{terms[0]}' would not match it");
        }
    }

    /// <summary>A node identifier written as a blank node identifier.</summary>
    private static void AuditNodeId(PlainFormAuditor audit, string value)
    {
        if (value.StartsWith("_:", StringComparison.Ordinal))
        {
            audit.Report(PlainFormViolationKind.BlankNodeId, $"'{value}' is a blank node identifier: canonicalization relabels blank nodes, so the value is not signed and must not be shown as an id");
        }
    }

    private static void AuditDuplicates(PlainFormAuditor audit, (string Name, JsonElement Value)[] props)
    {
        for (var i = 1; i < props.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (props[i].Name == props[j].Name)
                {
                    audit.Report(PlainFormViolationKind.DuplicateMember, $"the member '{props[i].Name}' appears more than once: JSON readers disagree on which one counts", props[i].Name);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The document's own (inline) context may add terms, never replace a published one: a swap of two unprotected
    /// terms ("name" ↔ "description") keeps the graph, and so the signature, while the JSON says the opposite.
    /// </summary>
    private void AuditRedefinitions(PlainFormAuditor audit, ActiveContext before, JsonElement local, string? baseUrl)
    {
        var items = local.ValueKind == JsonValueKind.Array ? [.. local.EnumerateArray()] : new[] { local };
        if (!Array.Exists(items, i => i.ValueKind == JsonValueKind.Object))
        {
            return;
        }

        // The published contexts alone, in order (each already processed and cached by the real processing).
        var published = before;
        try
        {
            foreach (var item in items)
            {
                if (item.ValueKind is JsonValueKind.String or JsonValueKind.Null)
                {
                    published = contexts.Process(published, item, baseUrl);
                }
            }
        }
        catch (JsonLdException e)
        {
            // Only possible when the inline part is what reconciles the published ones: not a plain form either.
            audit.Report(PlainFormViolationKind.RedefinedTerm, $"the published contexts do not stand without the document's own context ({e.Code})", Keywords.Context);
            return;
        }

        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var member in item.EnumerateObject())
            {
                if (!member.Name.StartsWith('@') && published.Term(member.Name) is not null)
                {
                    audit.Report(PlainFormViolationKind.RedefinedTerm, $"the document's own context redefines '{member.Name}', a term of a published context", Keywords.Context);
                }
            }
        }
    }
}
