namespace Verifier.LinkedData.Contexts;

/// <summary>Tries loaders in order (e.g. configured folder, then embedded, then the network hook); the first that knows the URL answers.</summary>
public sealed class ChainedContextLoader(params IContextLoader[] loaders) : IContextLoader
{
    public async ValueTask<ContextLoadResult> LoadAsync(string url, CancellationToken cancellationToken)
    {
        var last = ContextLoadResult.Missing(url);
        foreach (var loader in loaders)
        {
            last = await loader.LoadAsync(url, cancellationToken).ConfigureAwait(false);
            if (last.ErrorCode != ContextLoadResult.NotFound)
            {
                return last;
            }
        }

        return last;
    }
}

/// <summary>
/// The hook for loading over the network: Core implements the delegate with its guarded fetcher (IDocumentFetcher),
/// so this project stays free of HTTP. Answer <see cref="ContextDocuments.Parse"/> of the body, or a failure.
/// </summary>
public sealed class DelegateContextLoader(Func<string, CancellationToken, ValueTask<ContextLoadResult>> load) : IContextLoader
{
    public ValueTask<ContextLoadResult> LoadAsync(string url, CancellationToken cancellationToken) => load(url, cancellationToken);
}
