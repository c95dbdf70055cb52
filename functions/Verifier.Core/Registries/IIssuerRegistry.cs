namespace Verifier.Core.Registries;

/// <summary>One configured issuer registry. Lookups never throw for network or content failures: they answer.</summary>
public interface IIssuerRegistry
{
    /// <summary>The configured name (report field <c>knownIn[].registry</c>).</summary>
    string Name { get; }

    /// <summary><c>dcc-legacy</c>, <c>oidf</c> or <c>local</c>.</summary>
    string Type { get; }

    /// <summary>
    /// Whether the registry may list issuers identified by an https URL. Only the deployment's own lists do: the
    /// public registries list DIDs, and a URL is not looked up in them.
    /// </summary>
    bool ListsWebIdentities { get; }

    /// <param name="identity">A verified issuer identity as <see cref="RegistryIdentity.Normalize"/> gives it.</param>
    /// <param name="cancellationToken">The lookup deadline.</param>
    ValueTask<RegistryAnswer> LookUpAsync(RegistryIdentity identity, CancellationToken cancellationToken);
}
