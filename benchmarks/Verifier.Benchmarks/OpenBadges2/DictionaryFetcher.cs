using Verifier.Core.Fetching;

namespace Verifier.Benchmarks.OpenBadges2;

/// <summary>
/// The "cached" condition of the benchmark: an in-process fetcher that answers from a dictionary of bytes, as a
/// warm document cache would, so the figures measure verification and not the network.
/// </summary>
public sealed class DictionaryFetcher(IReadOnlyDictionary<string, byte[]> documents) : IDocumentFetcher
{
    public Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken cancellationToken) =>
        Task.FromResult(documents.TryGetValue(url.AbsoluteUri, out var body)
            ? new FetchResult(FetchStatus.Ok, url, url, 200, "application/ld+json", body, null)
            : new FetchResult(FetchStatus.HttpError, url, url, 404, null, default, "HTTP 404"));
}
