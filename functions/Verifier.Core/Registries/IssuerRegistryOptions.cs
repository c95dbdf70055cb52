namespace Verifier.Core.Registries;

/// <summary>
/// One entry of "Verifier:Registries": a list of issuers someone vouches for. The list is ordered by authority: the
/// first registry that lists an issuer supplies the name a page shows. Nothing is trusted by default; the operator
/// chooses whom to trust (docs/security.md, "Known issuers").
/// </summary>
public sealed class IssuerRegistryOptions
{
    /// <summary>The name the report and the page show for this registry ("DCC Sandbox Registry").</summary>
    public string? Name { get; set; }

    /// <summary><c>dcc-legacy</c>, <c>oidf</c> or <c>local</c> (<see cref="RegistryTypes"/>).</summary>
    public string? Type { get; set; }

    /// <summary>dcc-legacy: the URL of the JSON registry document.</summary>
    public string? Url { get; set; }

    /// <summary>oidf: the trust anchor's entity identifier; its entity configuration is read from <c>/.well-known/openid-federation</c> under it.</summary>
    public string? TrustAnchor { get; set; }

    /// <summary>local: a JSON file in the dcc-legacy format, read once at first use.</summary>
    public string? Path { get; set; }

    /// <summary>local: a blob in the deployment's storage account (Azure; read with its managed identity).</summary>
    public string? Blob { get; set; }

    /// <summary>
    /// local: entries given inline. A list rather than a map: configuration keys cannot hold the colons every DID
    /// has (":" separates configuration sections).
    /// </summary>
    public List<RegistryEntryOptions> Entries { get; set; } = [];

    /// <summary>oidf: the anchor's keys, pinned; the entity configuration must then be signed by one and carry it.</summary>
    public PinnedJwks? Jwks { get; set; }
}

/// <summary>An inline entry of a local registry: the issuer's identity (a DID or an https URL) and what to show.</summary>
public sealed class RegistryEntryOptions
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Url { get; set; }

    public string? LegalName { get; set; }

    public string? Location { get; set; }
}

/// <summary>A JWK Set in configuration: <c>{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": …, "x": …, "y": … } ] }</c>.</summary>
public sealed class PinnedJwks
{
    public List<PinnedJwk> Keys { get; set; } = [];
}

/// <summary>A public JWK (RFC 7517) as configuration binds it: only the members a public key has.</summary>
public sealed class PinnedJwk
{
    public string? Kty { get; set; }

    public string? Crv { get; set; }

    public string? Kid { get; set; }

    public string? X { get; set; }

    public string? Y { get; set; }

    public string? N { get; set; }

    public string? E { get; set; }
}

/// <summary>The registry kinds the verifier reads.</summary>
internal static class RegistryTypes
{
    /// <summary>The Digital Credentials Consortium's JSON map of DIDs (<c>{ meta, registry: { DID: { name, url?, … } } }</c>).</summary>
    public const string DccLegacy = "dcc-legacy";

    /// <summary>An OpenID Federation trust anchor answering subordinate statements from its fetch endpoint.</summary>
    public const string Oidf = "oidf";

    /// <summary>The deployment's own list in the dcc-legacy format (file, inline or blob); may list https issuer URLs too.</summary>
    public const string Local = "local";
}
