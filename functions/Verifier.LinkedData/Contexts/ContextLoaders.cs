namespace Verifier.LinkedData.Contexts;

/// <summary>The loader a verifier uses: configured folder, then the network hook, all behind the pinned-digest gate.</summary>
internal static class ContextLoaders
{
    /// <summary>
    /// Builds <c>Pinned(Chained(folder, network))</c>. <paramref name="folderPath"/> is the value of
    /// <see cref="FolderContextLoader.ConfigurationKey"/> (null or empty: no folder); <paramref name="network"/> is
    /// Core's loader over its guarded fetcher (null: offline). Unknown URLs are refused before anything is loaded, so
    /// the network is only asked for pinned contexts. Share one <c>JsonLdProcessor</c> over the result for the process.
    /// </summary>
    public static IContextLoader Pinned(string? folderPath, IContextLoader? network = null, IReadOnlyDictionary<string, string[]>? pins = null)
    {
        var chain = new List<IContextLoader>(2);
        if (!string.IsNullOrEmpty(folderPath))
        {
            chain.Add(FolderContextLoader.Open(folderPath));
        }

        if (network is not null)
        {
            chain.Add(network);
        }

        return new PinnedContextLoader(new ChainedContextLoader([.. chain]), pins ?? PinnedContexts.Default);
    }
}
