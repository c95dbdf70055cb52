using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

/// <summary>A dereferenced remote context document: its URL (the base for its terms) and its @context value.</summary>
internal sealed record RemoteContext(string DocumentUrl, JsonElement Context);

/// <summary>Thrown inside the synchronous algorithms when a remote context is not loaded yet; the async driver loads it and restarts.</summary>
internal sealed class ContextNeededException(string url) : Exception(url)
{
    public string Url { get; } = url;
}
