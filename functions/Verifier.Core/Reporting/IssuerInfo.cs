using System.Text.Json.Serialization;

namespace Verifier.Core.Reporting;

/// <summary>
/// Who the verifier established made the badge (report block <c>issuer</c>). <see cref="Id"/> and
/// <see cref="VerifiedBy"/> are what was proven; <see cref="Name"/> and <see cref="Url"/> are what the issuer's
/// documents claim, shown as claims (docs/security.md).
/// </summary>
public sealed class IssuerInfo
{
    /// <summary>
    /// The identity the verifier established: the final URL of the hosted Profile (OB 2.0), the issuer DID or URL
    /// (OB 3.0), or the origin that served the key (OB 1.0 signed); the claimed issuer id when nothing was proven.
    /// </summary>
    public string? Id { get; init; }

    /// <summary>True when <see cref="Id"/> is proven at the level <see cref="VerifiedBy"/> names.</summary>
    public bool Verified { get; init; }

    /// <summary>How the identity was proven: one of <see cref="IssuerProofs"/>' names, or "none".</summary>
    public string VerifiedBy { get; init; } = IssuerProofs.None;

    /// <summary>The URL of the document that proves it (issuer Profile, DID document, key document), when there is one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Document { get; init; }

    /// <summary>The issuer's name as its documents state it (a claim).</summary>
    public string? Name { get; init; }

    /// <summary>The issuer's homepage as its documents state it (a claim; see the check issuer.url-unverified).</summary>
    public string? Url { get; init; }

    /// <summary>
    /// Every configured registry that lists the verified identity, first registry first (the first supplies the
    /// name to show). Present (possibly empty) when registries were consulted; absent when none are configured or
    /// the identity is not verified. Set after the family verifier, when the registries have answered.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Registries.RegistryListing>? KnownIn { get; internal set; }

    /// <summary>Registries that could not be asked (network, timeout, a document that is not a registry): they neither list nor exclude the issuer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? RegistriesUnchecked { get; internal set; }
}

/// <summary>
/// The levels at which a badge's issuer can be proven (docs/security.md rule 3). Document level: something the
/// issuer controls names the key or the assertion. Origin level: the issuer id's web origin served it, which every
/// tenant of a shared badge platform shares; the strict policy refuses it.
/// </summary>
internal static class IssuerProofs
{
    /// <summary>The issuer's own document (hosted Profile or controller document fetched from the issuer id) lists the key, or its verification policy names the assertion's URL prefix.</summary>
    public const string IssuerDocument = "issuer-document";

    /// <summary>The issuer's DID document (did:web) lists the key for assertionMethod.</summary>
    public const string DidDocument = "did-document";

    /// <summary>The issuer id is the key itself (did:key, did:jwk).</summary>
    public const string DidKeyIssuer = "did-key-issuer";

    /// <summary>The key was served from the issuer id's origin, and the issuer's document lists no keys.</summary>
    public const string IssuerOrigin = "issuer-origin";

    /// <summary>The hosted assertion was served from the issuer id's origin (or an origin its Profile allows).</summary>
    public const string HostedOnIssuerOrigin = "hosted-on-issuer-origin";

    /// <summary>Nothing proves who made the badge.</summary>
    public const string None = "none";

    /// <summary>Document-level proofs: accepted by every policy.</summary>
    public static bool IsDocumentLevel(string verifiedBy) =>
        verifiedBy is IssuerDocument or DidDocument or DidKeyIssuer;

    /// <summary>Origin-level proofs: accepted by the default policy, refused by the strict one.</summary>
    public static bool IsOriginLevel(string verifiedBy) => verifiedBy is IssuerOrigin or HostedOnIssuerOrigin;
}

/// <summary>The instant the verdict holds for (report field <c>evaluatedAt</c>).</summary>
public sealed class EvaluatedAt
{
    public DateTimeOffset Instant { get; init; }

    /// <summary>True when the caller chose the instant (<c>at=</c>, <c>--at</c>); false when it is the verifier's clock.</summary>
    public bool FromRequest { get; init; }
}
