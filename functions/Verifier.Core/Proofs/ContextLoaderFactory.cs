using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Trust;
using Verifier.LinkedData.Contexts;

namespace Verifier.Core.Proofs;

/// <summary>
/// The engine's JSON-LD context loader: the pinned folder (<c>Verifier:Contexts:Path</c>, else the packaged
/// <c>contexts</c> folder; an index.json beside the files) first, then the context's URL through the guarded fetcher
/// (whose memory and shared tiers answer before the network) — and, whichever answers, only a context whose
/// JCS SHA-256 digest is pinned for its URL is used (an unpinned URL is never fetched). The JSON-LD processor caches
/// what it loads for the life of the process.
/// </summary>
internal static class ContextLoaderFactory
{
    public static IContextLoader Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<VerifierOptions>>().Value;
        var fetcher = services.GetRequiredService<IDocumentFetcher>();
        var loaders = new List<IContextLoader>();
        if (PinnedContextsFolder.Resolve(options) is { } path && File.Exists(Path.Combine(path, "index.json")))
        {
            loaders.Add(FolderContextLoader.Open(path));
        }

        loaders.Add(new DelegateContextLoader((url, ct) => FetchAsync(fetcher, url, ct)));
        return new PinnedContextLoader(new ChainedContextLoader([.. loaders]), PinnedContexts.Default);
    }

    private static async ValueTask<ContextLoadResult> FetchAsync(IDocumentFetcher fetcher, string url, CancellationToken cancellationToken)
    {
        // Only http(s) is ever fetched; a relative reference must not become a file: URL (System.Uri does that on Unix).
        if (WebIdentity.HttpUrl(url) is not { } uri)
        {
            return ContextLoadResult.Fail("loading remote context failed", $"'{url}' is not an absolute http(s) URL");
        }

        var result = await fetcher.FetchAsync(uri, FetchKind.Document, cancellationToken).ConfigureAwait(false);
        return result.IsOk
            ? ContextDocuments.Parse(url, result.Body)
            : ContextLoadResult.Fail("loading remote context failed", result.Describe());
    }
}
