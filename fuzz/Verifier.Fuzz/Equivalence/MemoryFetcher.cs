using System.Collections.Concurrent;
using System.Text;
using Verifier.Core.Fetching;

namespace Verifier.Fuzz.Equivalence;

/// <summary>Answers fetches from memory (status lists, revocation lists); anything else is a 404. Nothing leaves the process.</summary>
internal sealed class MemoryFetcher : IDocumentFetcher
{
    private readonly ConcurrentDictionary<string, (string ContentType, byte[] Body)> documents = new(StringComparer.Ordinal);

    public void Add(string url, string json, string contentType = "application/json") => documents[url] = (contentType, Encoding.UTF8.GetBytes(json));

    public Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(documents.TryGetValue(url.AbsoluteUri, out var found)
            ? new FetchResult(FetchStatus.Ok, url, url, 200, found.ContentType, found.Body, null)
            : new FetchResult(FetchStatus.HttpError, url, url, 404, null, ReadOnlyMemory<byte>.Empty, "not found"));
}
