namespace Verifier.LinkedData.JsonLd;

internal sealed partial class ContextProcessor
{
    /// <summary>IRI Expansion (API §5.2.2); <paramref name="creator"/> is set while a local context is being processed.</summary>
    public static string? ExpandIri(ActiveContext active, string? value, bool documentRelative = false, bool vocab = false, TermCreator? creator = null)
    {
        // Step 1-2.
        if (value is null || Keywords.IsKeyword(value))
        {
            return value;
        }

        if (Iri.HasKeywordForm(value))
        {
            return null;
        }

        // Step 3.
        creator?.EnsureDefined(value);

        // Step 4-5.
        if (active.Terms.TryGetValue(value, out var term))
        {
            if (Keywords.IsKeyword(term.IriMapping))
            {
                return term.IriMapping;
            }

            if (vocab)
            {
                return term.IriMapping;
            }
        }

        // Step 6.
        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value.AsSpan(colon + 1);
            if (prefix == "_" || suffix.StartsWith("//"))
            {
                return value;
            }

            creator?.EnsureDefined(prefix);
            if (active.Terms.TryGetValue(prefix, out var p) && p.IriMapping is not null && (p.Prefix || (active.Mode10 && !Keywords.IsKeyword(p.IriMapping))))
            {
                return string.Concat(p.IriMapping, suffix);
            }

            if (Iri.IsAbsolute(value))
            {
                return value;
            }
        }

        // Step 7-8.
        if (vocab && active.Vocab is not null)
        {
            return active.Vocab + value;
        }

        if (documentRelative)
        {
            return active.BaseIri is null ? value : Iri.Resolve(active.BaseIri, value);
        }

        return value;
    }
}
