using System.Text.Json;
using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.Rdf;

namespace Verifier.LinkedData.JsonLd;

/// <summary>
/// JSON-LD 1.1 expansion and toRdf. One instance per context loader, shared for the life of the process: it caches
/// loaded context documents and processed active contexts, so warm documents skip context processing entirely.
/// Errors are <see cref="JsonLdException"/> with the W3C error code (or this project's codes for bounds, safe mode
/// and pinning).
/// </summary>
public sealed class JsonLdProcessor(IContextLoader loader)
{
    private readonly ProcessorCaches caches = new();

    /// <summary>The expand() API (JSON-LD 1.1 API §9.1): expanded JSON-LD as maps, lists and scalars.</summary>
    public ValueTask<List<object?>> ExpandAsync(JsonElement input, JsonLdOptions? options = null, string? documentUrl = null, CancellationToken cancellationToken = default) =>
        RunAsync(options ?? JsonLdOptions.Default, session => Expand(session, input, documentUrl), cancellationToken);

    /// <summary>The toRdf() API (JSON-LD 1.1 API §9.1 and §8.1.2): the RDF dataset of the document.</summary>
    public ValueTask<RdfDataset> ToRdfAsync(JsonElement input, JsonLdOptions? options = null, string? documentUrl = null, CancellationToken cancellationToken = default) =>
        RunAsync(options ?? JsonLdOptions.Default, session =>
        {
            var expanded = Expand(session, input, documentUrl);
            var nodeMap = new NodeMap(session);
            nodeMap.Add(expanded, Keywords.Default, null, null, null);
            return new RdfSerializer(session, nodeMap).Serialize();
        }, cancellationToken);

    private List<object?> Expand(Session session, JsonElement input, string? documentUrl)
    {
        var options = session.Options;
        var active = caches.Initial(options.Base ?? documentUrl, options.ProcessingMode10);
        var contexts = new ContextProcessor(session);
        if (options.ExpandContext is { } expandContext)
        {
            active = ApplyExpandContext(contexts, active, expandContext, documentUrl);
        }

        var expander = new Expander(session, contexts);
        var result = expander.Expand(active, null, input, documentUrl ?? options.Base);
        if (result is Dictionary<string, object?> map && map.Count == 1 && map.TryGetValue(Keywords.Graph, out var graph))
        {
            result = graph;
        }

        return result switch
        {
            null => [],
            List<object?> list => list,
            _ => [result],
        };
    }

    private static ActiveContext ApplyExpandContext(ContextProcessor contexts, ActiveContext active, string expandContext, string? documentUrl)
    {
        var trimmed = expandContext.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            using var doc = JsonDocument.Parse(expandContext);
            var ctx = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(Keywords.Context, out var inner) ? inner : doc.RootElement;
            return contexts.Process(active, ctx.Clone(), documentUrl);
        }

        // A context given by reference: the same string as a JSON string element (no reflection, for Native AOT).
        using var reference = JsonDocument.Parse("\"" + JsonEncodedText.Encode(expandContext).ToString() + "\"");
        return contexts.Process(active, reference.RootElement.Clone(), documentUrl);
    }

    private async ValueTask<T> RunAsync<T>(JsonLdOptions options, Func<Session, T> run, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCoreAsync(options, run, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException)
        {
            // Found by fuzzing: JsonDocument checks structure, not the bytes inside strings; they are transcoded when
            // read, and invalid UTF-8 (RFC 8259 §8.1) throws there. It is bad input, so it is a coded error.
            throw new JsonLdException(JsonLdErrorCodes.InvalidUtf8, "a string in the document or one of its contexts is not valid UTF-8");
        }
    }

    private async ValueTask<T> RunCoreAsync<T>(JsonLdOptions options, Func<Session, T> run, CancellationToken cancellationToken)
    {
        Dictionary<string, RemoteContext>? loaded = null;
        var stepsUsed = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var session = new Session(options, caches, loaded ?? (IReadOnlyDictionary<string, RemoteContext>)EmptyLoaded, cancellationToken, stepsUsed);
            try
            {
                var result = run(session);
                // Only a finished attempt speaks: an attempt cut short to load a context saw part of the document.
                if (options.Audit is { } audit)
                {
                    session.Auditor!.PublishTo(audit);
                }

                return result;
            }
            catch (ContextNeededException need)
            {
                stepsUsed = session.Steps;
                // The synchronous algorithms stop at the first context not loaded yet; load it and start over.
                // Warm runs never get here, so the hot path stays synchronous.
                loaded ??= new Dictionary<string, RemoteContext>(StringComparer.Ordinal);
                if (loaded.Count >= options.MaxRemoteContexts)
                {
                    throw new JsonLdException(JsonLdErrorCodes.ContextOverflow, $"more than {options.MaxRemoteContexts} remote contexts");
                }

                if (loaded.ContainsKey(need.Url))
                {
                    throw new InvalidOperationException($"context {need.Url} was loaded but not found"); // a bug, not input
                }

                var remote = await LoadAsync(need.Url, cancellationToken).ConfigureAwait(false);
                loaded[need.Url] = remote;
            }
        }
    }

    private static readonly Dictionary<string, RemoteContext> EmptyLoaded = [];

    private async ValueTask<RemoteContext> LoadAsync(string url, CancellationToken cancellationToken)
    {
        if (caches.TryGetDocument(url, out var cached))
        {
            return cached;
        }

        var result = await loader.LoadAsync(url, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            var code = result.ErrorCode is PinnedContextLoader.NotPinned or PinnedContextLoader.DigestMismatch
                ? result.ErrorCode
                : JsonLdErrorCodes.LoadingRemoteContextFailed;
            throw new JsonLdException(code, result.Error ?? $"could not load {url}") { Property = url };
        }

        var root = result.Document!.Root;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(Keywords.Context, out var context))
        {
            throw new JsonLdException("invalid remote context", $"{url} has no @context");
        }

        var remote = new RemoteContext(result.Document.DocumentUrl, context);
        caches.AddDocument(url, remote);
        return remote;
    }
}
