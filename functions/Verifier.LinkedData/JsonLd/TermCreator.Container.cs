using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

internal sealed partial class TermCreator
{
    // Steps 19-26 (API §4.2.2).
    private void ApplyMapEntriesAfterId(string term, JsonElement map, TermDefinition def)
    {
        if (map.TryGetProperty(Keywords.Container, out var container))
        {
            def.Container = ParseContainer(container, active.Mode10);
            if ((def.Container & Container.Type) != 0)
            {
                def.TypeMapping ??= Keywords.Id;
                if (def.TypeMapping is not (Keywords.Id or Keywords.Vocab))
                {
                    throw new JsonLdException("invalid type mapping", $"{term}: a @type container needs @id or @vocab type");
                }
            }
        }

        if (map.TryGetProperty(Keywords.Index, out var index))
        {
            if (active.Mode10 || (def.Container & Container.Index) == 0)
            {
                throw new JsonLdException("invalid term definition", $"{term}: @index needs an @index container");
            }

            if (index.ValueKind != JsonValueKind.String || Keywords.IsKeyword(index.GetString()))
            {
                throw new JsonLdException("invalid term definition", $"{term}: @index must be a property name");
            }

            var expanded = ContextProcessor.ExpandIri(active, index.GetString(), vocab: true, creator: this);
            if (expanded is null || !Iri.IsAbsolute(expanded))
            {
                throw new JsonLdException("invalid term definition", $"{term}: @index does not expand to an IRI");
            }

            def.Index = index.GetString();
        }

        if (map.TryGetProperty(Keywords.Context, out var scoped))
        {
            if (active.Mode10)
            {
                throw new JsonLdException("invalid term definition", "scoped contexts need json-ld-1.1");
            }

            // Step 21.3: validate the scoped context now; errors become "invalid scoped context".
            try
            {
                processor.Process(active, scoped, baseUrl, [.. remoteContexts], overrideProtected: true, validateScoped: false);
            }
            catch (JsonLdException e) when (e.Code is not (JsonLdErrorCodes.ProcessingLimit or JsonLdErrorCodes.ContextOverflow or JsonLdErrorCodes.ContextNotPinned or JsonLdErrorCodes.ContextDigestMismatch or JsonLdErrorCodes.LoadingRemoteContextFailed))
            {
                throw new JsonLdException("invalid scoped context", $"{term}: {e.Message}", e);
            }

            def.LocalContext = scoped;
            def.BaseUrl = baseUrl;
        }

        if (map.TryGetProperty(Keywords.Language, out var lang) && !map.TryGetProperty(Keywords.Type, out _))
        {
            def.HasLanguage = true;
            def.Language = lang.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => lang.GetString()!.ToLowerInvariant(),
                _ => throw new JsonLdException("invalid language mapping", $"{term}: @language must be a string or null"),
            };
        }

        if (map.TryGetProperty(Keywords.Direction, out var dir) && !map.TryGetProperty(Keywords.Type, out _))
        {
            def.HasDirection = true;
            def.Direction = dir.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String when dir.GetString() is "ltr" or "rtl" => dir.GetString(),
                _ => throw new JsonLdException("invalid base direction", $"{term}: @direction must be ltr, rtl or null"),
            };
        }

        if (map.TryGetProperty(Keywords.Nest, out var nest))
        {
            if (active.Mode10)
            {
                throw new JsonLdException("invalid term definition", "@nest needs json-ld-1.1");
            }

            if (nest.ValueKind != JsonValueKind.String || (Keywords.IsKeyword(nest.GetString()) && nest.GetString() != Keywords.Nest))
            {
                throw new JsonLdException("invalid @nest value", $"{term}: @nest must be a term or @nest");
            }

            def.Nest = nest.GetString();
        }

        if (map.TryGetProperty(Keywords.Prefix, out var prefix))
        {
            if (active.Mode10 || term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
            {
                throw new JsonLdException("invalid term definition", $"{term}: @prefix not allowed here");
            }

            if (prefix.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonLdException("invalid @prefix value", $"{term}: @prefix must be a boolean");
            }

            def.Prefix = prefix.ValueKind == JsonValueKind.True;
            if (def.Prefix && Keywords.IsKeyword(def.IriMapping))
            {
                throw new JsonLdException("invalid term definition", $"{term}: a keyword alias cannot be a prefix");
            }
        }

        foreach (var p in map.EnumerateObject())
        {
            if (!AllowedEntries.Contains(p.Name))
            {
                throw new JsonLdException("invalid term definition", $"{term}: unknown entry {p.Name}");
            }
        }
    }

    private static Container ParseContainer(JsonElement value, bool mode10)
    {
        var flags = Container.None;
        var count = 0;
        if (value.ValueKind == JsonValueKind.String)
        {
            flags = One(value.GetString());
            count = 1;
            if (mode10 && flags is Container.Graph or Container.Id or Container.Type)
            {
                throw new JsonLdException("invalid container mapping", "container needs json-ld-1.1");
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && !mode10)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    throw new JsonLdException("invalid container mapping", "container entries must be strings");
                }

                flags |= One(item.GetString());
                count++;
            }
        }
        else if (value.ValueKind != JsonValueKind.Null)
        {
            throw new JsonLdException("invalid container mapping", "container must be a string or array");
        }

        // Step 19.1-19.2: the allowed combinations.
        var rest = flags & ~Container.Set;
        var ok = rest switch
        {
            Container.None => true,
            Container.List => (flags & Container.Set) == 0,
            Container.Index or Container.Id or Container.Type or Container.Language => true,
            Container.Graph => true,
            Container.Graph | Container.Id => true,
            Container.Graph | Container.Index => true,
            _ => false,
        };
        if (!ok || (count > 1 && rest == Container.None && flags != Container.Set))
        {
            throw new JsonLdException("invalid container mapping", "unsupported container combination");
        }

        return flags;
    }

    private static Container One(string? s) => s switch
    {
        Keywords.List => Container.List,
        Keywords.Set => Container.Set,
        Keywords.Index => Container.Index,
        Keywords.Id => Container.Id,
        Keywords.Type => Container.Type,
        Keywords.Language => Container.Language,
        Keywords.Graph => Container.Graph,
        _ => throw new JsonLdException("invalid container mapping", $"unknown container {s}"),
    };
}
