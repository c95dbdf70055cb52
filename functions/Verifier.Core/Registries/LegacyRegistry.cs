using Verifier.Core.Fetching;

namespace Verifier.Core.Registries;

/// <summary>
/// A <c>dcc-legacy</c> registry: one JSON document at a URL, fetched through the guarded, cached fetcher (so it is
/// read from the network at most once per cache lifetime, as its Cache-Control allows within the fetch options'
/// bounds) and parsed once per version of its bytes.
/// </summary>
internal sealed class LegacyRegistry(string name, Uri url, IDocumentFetcher fetcher) : IIssuerRegistry
{
    private Parsed? _last;

    public string Name { get; } = name;

    public string Type => RegistryTypes.DccLegacy;

    public Uri Url { get; } = url;

    /// <summary>The public registries list DIDs only.</summary>
    public bool ListsWebIdentities => false;

    public async ValueTask<RegistryAnswer> LookUpAsync(RegistryIdentity identity, CancellationToken cancellationToken)
    {
        var result = await fetcher.FetchAsync(Url, FetchKind.Document, cancellationToken).ConfigureAwait(false);
        if (!result.IsOk)
        {
            // Unknown is not false (docs/security.md rule 4): a registry whose document cannot be read, even a 404
            // for the document itself, lists no one as absent.
            return RegistryAnswer.Unchecked(result.Describe());
        }

        if (!result.SpeaksFor(Url))
        {
            return RegistryAnswer.Unchecked($"{Url} redirected to another origin ({result.FinalUrl}); a registry speaks only from the URL the operator configured");
        }

        var parsed = Read(result.Body);
        if (parsed.Document is null)
        {
            return RegistryAnswer.Unchecked($"{Url} is not a registry document: {parsed.Error}");
        }

        return parsed.Document.Find(identity) is { } listing ? RegistryAnswer.Listed(listing) : RegistryAnswer.NotListed();
    }

    private Parsed Read(ReadOnlyMemory<byte> body)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && SameBytes.Equal(last.Bytes, body))
        {
            return last;
        }

        var document = RegistryDocument.Parse(body, Name, out var error);
        var parsed = new Parsed(SameBytes.Keep(body), document, error);
        Volatile.Write(ref _last, parsed);
        return parsed;
    }

    private sealed record Parsed(byte[] Bytes, RegistryDocument? Document, string? Error);
}
