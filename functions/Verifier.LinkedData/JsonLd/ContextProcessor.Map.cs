using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

internal sealed partial class ContextProcessor
{
    // Context Processing step 5.4-5.13 (API §4.1.2): one local context map.
    private void ProcessMap(ActiveContext result, JsonElement context, string? baseUrl, List<string> remoteContexts, bool overrideProtected, bool validateScoped)
    {
        // Step 5.5.
        if (context.TryGetProperty(Keywords.Version, out var version))
        {
            if (version.ValueKind != JsonValueKind.Number || version.GetDouble() != 1.1)
            {
                throw new JsonLdException("invalid @version value", "@version must be 1.1");
            }

            if (result.Mode10)
            {
                throw new JsonLdException("processing mode conflict", "@version 1.1 in json-ld-1.0 mode");
            }
        }

        // Step 5.6.
        JsonElement? import = null;
        if (context.TryGetProperty(Keywords.Import, out var importRef))
        {
            if (result.Mode10)
            {
                throw new JsonLdException("invalid context entry", "@import in json-ld-1.0 mode");
            }

            if (importRef.ValueKind != JsonValueKind.String)
            {
                throw new JsonLdException("invalid @import value", "@import must be a string");
            }

            var url = Iri.Resolve(baseUrl, importRef.GetString()!);
            var remote = session.GetRemoteContext(url);
            if (remote.Context.ValueKind != JsonValueKind.Object)
            {
                throw new JsonLdException("invalid remote context", $"imported context {url} is not an object");
            }

            if (remote.Context.TryGetProperty(Keywords.Import, out _))
            {
                throw new JsonLdException("invalid context entry", "an imported context cannot itself @import");
            }

            import = remote.Context;
        }

        var entries = new ContextEntries(context, import);

        // Step 5.7: @base only from a context that is not remote.
        if (remoteContexts.Count == 0 && entries.TryGet(Keywords.Base, out var b))
        {
            if (b.ValueKind == JsonValueKind.Null)
            {
                result.BaseIri = null;
            }
            else if (b.ValueKind == JsonValueKind.String && Iri.IsAbsolute(b.GetString()!))
            {
                result.BaseIri = b.GetString();
            }
            else if (b.ValueKind == JsonValueKind.String && result.BaseIri is not null)
            {
                result.BaseIri = Iri.Resolve(result.BaseIri, b.GetString()!);
            }
            else
            {
                throw new JsonLdException("invalid base IRI", "@base must be an IRI or null");
            }
        }

        // Step 5.8.
        if (entries.TryGet(Keywords.Vocab, out var v))
        {
            if (v.ValueKind == JsonValueKind.Null)
            {
                result.Vocab = null;
            }
            else if (v.ValueKind == JsonValueKind.String)
            {
                var s = v.GetString()!;
                if (result.Mode10 && !Iri.IsAbsolute(s) && !Iri.IsBlankNode(s))
                {
                    // JSON-LD 1.0 §8.7.2 (context processing step 3.6): @vocab must be an absolute IRI or blank node.
                    throw new JsonLdException("invalid vocab mapping", "@vocab must be absolute in json-ld-1.0");
                }

                var expanded = ExpandIri(result, s, documentRelative: true, vocab: true);
                if (expanded is null || (!Iri.IsAbsolute(expanded) && !Iri.IsBlankNode(expanded) && !(result.Mode10 == false && s.Length == 0)))
                {
                    throw new JsonLdException("invalid vocab mapping", "@vocab must be an IRI or blank node identifier");
                }

                result.Vocab = expanded;
            }
            else
            {
                throw new JsonLdException("invalid vocab mapping", "@vocab must be a string or null");
            }
        }

        // Step 5.9.
        if (entries.TryGet(Keywords.Language, out var lang))
        {
            result.DefaultLanguage = lang.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => lang.GetString()!.ToLowerInvariant(),
                _ => throw new JsonLdException("invalid default language", "@language must be a string or null"),
            };
        }

        // Step 5.10.
        if (entries.TryGet(Keywords.Direction, out var dir))
        {
            if (result.Mode10)
            {
                throw new JsonLdException("invalid context entry", "@direction in json-ld-1.0 mode");
            }

            result.DefaultDirection = dir.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String when dir.GetString() is "ltr" or "rtl" => dir.GetString(),
                _ => throw new JsonLdException("invalid base direction", "@direction must be ltr, rtl or null"),
            };
        }

        // Step 5.11.
        if (entries.TryGet(Keywords.Propagate, out var propagate))
        {
            if (result.Mode10)
            {
                throw new JsonLdException("invalid context entry", "@propagate in json-ld-1.0 mode");
            }

            if (propagate.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonLdException("invalid @propagate value", "@propagate must be a boolean");
            }
        }

        var isProtected = false;
        if (entries.TryGet(Keywords.Protected, out var prot))
        {
            if (prot.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonLdException("invalid @protected value", "@protected must be a boolean");
            }

            isProtected = prot.ValueKind == JsonValueKind.True;
        }

        // Step 5.13.
        var defined = new Dictionary<string, bool>(StringComparer.Ordinal);
        var creator = new TermCreator(this, result, entries, defined, baseUrl, isProtected, overrideProtected, remoteContexts);
        foreach (var name in entries.Names)
        {
            if (Array.IndexOf(ContextKeys, name) < 0)
            {
                creator.Create(name);
            }
        }
    }
}
