using Verifier.Core.Fetching;
using Verifier.Core.Trust;

namespace Verifier.Core.Registries;

/// <summary>
/// Builds the configured registries. A definition that cannot work (unknown type, a missing or non-https URL, bad
/// pinned keys) becomes a registry that is always unchecked with the reason: the report shows the mistake on every
/// verification instead of one log line at start-up, and nothing is ever taken as "not listed" because of it.
/// </summary>
internal static class RegistryFactory
{
    public static IIssuerRegistry Create(IssuerRegistryOptions o, int index, IDocumentFetcher fetcher, TimeProvider time, TimeSpan skew, IRegistryBlobReader? blobs)
    {
        var type = o.Type?.Trim().ToLowerInvariant();
        var name = string.IsNullOrWhiteSpace(o.Name) ? $"registry #{index + 1}" : o.Name.Trim();
        if (string.IsNullOrWhiteSpace(o.Name))
        {
            return new MisconfiguredRegistry(name, type ?? "?", "it has no name");
        }

        switch (type)
        {
            case RegistryTypes.DccLegacy:
                // https only: a registry read over plain http could be rewritten by anyone on the path.
                return Https(o.Url) is { } url
                    ? new LegacyRegistry(name, url, fetcher)
                    : new MisconfiguredRegistry(name, type, "a dcc-legacy registry needs an absolute https url");
            case RegistryTypes.Oidf:
                var anchor = Https(o.TrustAnchor) is not null ? TrustAnchor.ConfigurationUrl(o.TrustAnchor!) : null;
                if (anchor is null)
                {
                    return new MisconfiguredRegistry(name, type, "an oidf registry needs trustAnchor, the anchor's https entity identifier");
                }

                var pinned = TrustAnchor.ReadPinned(o.Jwks, out var error);
                return error is not null
                    ? new MisconfiguredRegistry(name, type, $"its pinned jwks is unusable: {error}")
                    : new OidfRegistry(name, o.TrustAnchor!, anchor, pinned, fetcher, time, skew);
            case RegistryTypes.Local:
                return Local(o, name, time, blobs);
            default:
                return new MisconfiguredRegistry(name, type ?? "?", $"type {(type is null ? "is missing" : type + " is unknown")} (dcc-legacy, oidf or local)");
        }
    }

    private static IIssuerRegistry Local(IssuerRegistryOptions o, string name, TimeProvider time, IRegistryBlobReader? blobs)
    {
        var sources = (string.IsNullOrWhiteSpace(o.Path) ? 0 : 1) + (string.IsNullOrWhiteSpace(o.Blob) ? 0 : 1) + (o.Entries.Count > 0 ? 1 : 0);
        if (sources != 1)
        {
            return new MisconfiguredRegistry(name, RegistryTypes.Local, "a local registry needs exactly one of path, blob or entries");
        }

        if (!string.IsNullOrWhiteSpace(o.Path))
        {
            return LocalRegistry.FromFile(name, o.Path);
        }

        if (!string.IsNullOrWhiteSpace(o.Blob))
        {
            return blobs is null
                ? new MisconfiguredRegistry(name, RegistryTypes.Local, "a blob registry needs the deployment's storage account (Verifier:Cache:BlobServiceUri)")
                : LocalRegistry.FromBlob(name, o.Blob, blobs, time);
        }

        return LocalRegistry.FromEntries(name, o.Entries);
    }

    private static Uri? Https(string? text) => WebIdentity.HttpUrl(text) is { Scheme: "https" } url ? url : null;

    /// <summary>A definition that cannot work: always unchecked, saying why.</summary>
    internal sealed class MisconfiguredRegistry(string name, string type, string reason) : IIssuerRegistry
    {
        public string Name { get; } = name;

        public string Reason { get; } = reason;

        public string Type { get; } = type;

        public bool ListsWebIdentities => Type == RegistryTypes.Local;

        public ValueTask<RegistryAnswer> LookUpAsync(RegistryIdentity identity, CancellationToken cancellationToken) =>
            ValueTask.FromResult(RegistryAnswer.Unchecked($"the registry is misconfigured: {Reason}"));
    }
}
