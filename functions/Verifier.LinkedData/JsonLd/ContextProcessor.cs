using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

/// <summary>Context Processing Algorithm (JSON-LD 1.1 API §4.1.2).</summary>
internal sealed partial class ContextProcessor(Session session)
{
    /// <summary>Bound on contexts processed inside contexts (scoped contexts within scoped contexts, remote chains).</summary>
    private const int MaxNesting = 64;

    private int depth;

    private static readonly string[] ContextKeys =
        [Keywords.Base, Keywords.Direction, Keywords.Import, Keywords.Language, Keywords.Propagate, Keywords.Protected,
         Keywords.Version, Keywords.Vocab];

    public void Step() => session.Step();

    public ActiveContext Process(
        ActiveContext active, JsonElement local, string? baseUrl, List<string>? remoteContexts = null,
        bool overrideProtected = false, bool propagate = true, bool validateScoped = true)
    {
        session.Step();
        remoteContexts ??= [];
        if (++depth > MaxNesting)
        {
            throw new JsonLdException(JsonLdErrorCodes.ContextOverflow, $"contexts nested deeper than {MaxNesting}");
        }

        try
        {
            return ProcessCore(active, local, baseUrl, remoteContexts, overrideProtected, propagate, validateScoped);
        }
        finally
        {
            depth--;
        }
    }

    private ActiveContext ProcessCore(
        ActiveContext active, JsonElement local, string? baseUrl, List<string> remoteContexts,
        bool overrideProtected, bool propagate, bool validateScoped)
    {

        // Step 2-3.
        if (local.ValueKind == JsonValueKind.Object && local.TryGetProperty(Keywords.Propagate, out var prop))
        {
            if (prop.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonLdException("invalid @propagate value", "@propagate must be a boolean");
            }

            propagate = prop.ValueKind == JsonValueKind.True;
        }

        var result = active;
        var fresh = false; // true once result is our own clone (safe to mutate)
        if (!propagate && result.PreviousContext is null)
        {
            result = result.Clone();
            fresh = true;
            result.PreviousContext = active;
        }

        if (local.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in local.EnumerateArray())
            {
                (result, fresh) = ProcessOne(result, fresh, item, baseUrl, remoteContexts, overrideProtected, propagate, validateScoped);
            }
        }
        else
        {
            (result, _) = ProcessOne(result, fresh, local, baseUrl, remoteContexts, overrideProtected, propagate, validateScoped);
        }

        return result;
    }

    private (ActiveContext, bool) ProcessOne(
        ActiveContext result, bool fresh, JsonElement context, string? baseUrl, List<string> remoteContexts,
        bool overrideProtected, bool propagate, bool validateScoped)
    {
        switch (context.ValueKind)
        {
            case JsonValueKind.Null:
                // Step 5.1.
                if (!overrideProtected && result.HasProtected)
                {
                    throw new JsonLdException("invalid context nullification", "cannot nullify a context with protected terms");
                }

                var empty = result.NewEmpty();
                if (!propagate)
                {
                    empty.PreviousContext = result;
                }

                return (empty, true);
            case JsonValueKind.String:
                return (ProcessRemote(result, context.GetString()!, baseUrl, remoteContexts, validateScoped), false);
            case JsonValueKind.Object:
                if (!fresh)
                {
                    result = result.Clone();
                }

                ProcessMap(result, context, baseUrl, remoteContexts, overrideProtected, validateScoped);
                return (result, true);
            default:
                throw new JsonLdException("invalid local context", "a context must be null, a string, an object or an array");
        }
    }

    // Step 5.2.
    private ActiveContext ProcessRemote(ActiveContext result, string reference, string? baseUrl, List<string> remoteContexts, bool validateScoped)
    {
        var url = Iri.Resolve(baseUrl, reference);
        if (!Iri.IsAbsolute(url))
        {
            throw new JsonLdException(JsonLdErrorCodes.LoadingRemoteContextFailed, $"relative context reference {reference} with no base");
        }

        if (!validateScoped && remoteContexts.Contains(url))
        {
            return result;
        }

        if (remoteContexts.Contains(url))
        {
            throw new JsonLdException("recursive context inclusion", $"context {url} includes itself");
        }

        if (remoteContexts.Count >= session.Options.MaxRemoteContextDepth)
        {
            throw new JsonLdException(JsonLdErrorCodes.ContextOverflow, $"remote context chain deeper than {session.Options.MaxRemoteContextDepth}");
        }

        var topLevel = remoteContexts.Count == 0 && validateScoped;
        if (topLevel && session.Caches.TryGetRemote(result, url, out var cached))
        {
            return cached;
        }

        var remote = session.GetRemoteContext(url);
        var chain = new List<string>(remoteContexts) { url };
        var processed = Process(result, remote.Context, remote.DocumentUrl, chain, validateScoped: validateScoped);
        if (topLevel)
        {
            session.Caches.AddRemote(result, url, processed);
        }

        return processed;
    }
}
