using Microsoft.IdentityModel.Tokens;

namespace Verifier.Core.Keys;

/// <summary>
/// Resolves a key identifier (an http(s) URL of a JWK or key document, a DID URL such as did:key / did:jwk / did:web
/// with a fragment) to a public key, through the guarded fetcher. Never throws for bad or unreachable keys.
/// </summary>
internal interface IKeyResolver
{
    Task<KeyResolution> ResolveAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>
    /// The keys a did:web issuer's DID document lists under assertionMethod (for matching a key that came without an
    /// id, such as a VC-JWT's jwk header); empty when there are none, the document cannot be read, or the resolver
    /// cannot list keys.
    /// </summary>
    Task<IReadOnlyList<ResolvedKey>> AssertionKeysAsync(string did, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ResolvedKey>>([]);
}

internal enum KeyResolutionStatus
{
    Resolved,

    /// <summary>The key or its document does not exist (404/410, not listed): an answer, so the badge is invalid.</summary>
    NotFound,

    /// <summary>Network failure, timeout or 5xx: indeterminate.</summary>
    Unavailable,

    /// <summary>A DID method, key type or curve this verifier does not support.</summary>
    Unsupported,

    /// <summary>The key material is malformed (bad multibase, private key present, wrong length…).</summary>
    Invalid,
}

internal sealed record KeyResolution(KeyResolutionStatus Status, ResolvedKey? Key, string? Error)
{
    public static KeyResolution Fail(KeyResolutionStatus status, string error) => new(status, null, error);
}

public enum KeyKind
{
    Rsa,
    EcP256,
    EcP384,
    Ed25519,

    /// <summary>secp256k1 (SEC 2), JOSE <c>ES256K</c> (RFC 8812).</summary>
    EcSecp256k1,
}

/// <summary>Where a key's bytes came from: what decides who may have published it (docs/security.md rule 3).</summary>
internal enum KeySource
{
    /// <summary>Computed from the identifier itself (did:key, did:jwk): the identifier is the key.</summary>
    Computed,

    /// <summary>A verification method in a DID document (did:web) fetched from the DID's own URL.</summary>
    DidDocument,

    /// <summary>A verification method listed in a controller document (e.g. the issuer's profile) fetched from the key id's base.</summary>
    ControllerDocument,

    /// <summary>A JWK, a JWK set or a single verification method document served at the key URL.</summary>
    KeyDocument,

    /// <summary>Read out of the key id's fragment (a Multikey value): no server published these bytes.</summary>
    Fragment,

    /// <summary>Carried in the token's own header (jwk): anyone could have put it there.</summary>
    Header,
}

/// <summary>A resolved public key and what is known about who controls it.</summary>
internal sealed class ResolvedKey
{
    /// <summary>The full key id as resolved (e.g. "did:key:z6Mk…#z6Mk…", "https://issuer.example/keys/1").</summary>
    public required string Id { get; init; }

    public required KeyKind Kind { get; init; }

    /// <summary>The key as a public JWK (usable by IdentityModel; EdDSA through the project's crypto provider).</summary>
    public required JsonWebKey Jwk { get; init; }

    /// <summary>Raw public key bytes: 32 bytes for Ed25519; the uncompressed point (0x04‖X‖Y) for EC; null for RSA.</summary>
    public byte[]? PublicKeyBytes { get; init; }

    /// <summary>The DID or URL that controls the key (DID document id, key document "controller"/"owner").</summary>
    public string? Controller { get; init; }

    /// <summary>Whether the controller's document lists the key under assertionMethod (null when not applicable).</summary>
    public bool? ListedForAssertion { get; init; }

    /// <summary>Where the key's bytes came from.</summary>
    public KeySource Source { get; init; } = KeySource.KeyDocument;

    /// <summary>
    /// The URL the document holding the bytes speaks for (docs/security.md rule 1: its final URL, or the requested
    /// one when no redirect left its origin); null for computed, fragment and header keys.
    /// </summary>
    public Uri? DocumentUrl { get; init; }
}
