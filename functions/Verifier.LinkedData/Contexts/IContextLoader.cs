using System.Text.Json;

namespace Verifier.LinkedData.Contexts;

/// <summary>
/// Loads JSON-LD context documents (the documentLoader of JSON-LD 1.1 API §9.4, for contexts only). Expected
/// failures (unknown URL, not pinned, network) are results, never exceptions. Implementations must be thread-safe.
/// </summary>
public interface IContextLoader
{
    ValueTask<ContextLoadResult> LoadAsync(string url, CancellationToken cancellationToken);
}

/// <summary>A loaded context document: the URL it was loaded from (after redirects) and its parsed JSON root.</summary>
public sealed record ContextDocument(string DocumentUrl, JsonElement Root);

/// <summary>The outcome of loading a context: a document, or a failure with a code and a reason.</summary>
public readonly record struct ContextLoadResult(ContextDocument? Document, string? ErrorCode, string? Error)
{
    /// <summary>The loader does not know the URL; a chained loader may try the next one.</summary>
    public const string NotFound = "not found";

    public bool IsSuccess => Document is not null;

    public static ContextLoadResult Ok(ContextDocument document) => new(document, null, null);

    public static ContextLoadResult Fail(string code, string error) => new(null, code, error);

    public static ContextLoadResult Missing(string url) => new(null, NotFound, $"no context for {url}");
}
