using Microsoft.IdentityModel.Tokens;

namespace Verifier.Core.Keys;

/// <summary>
/// Resolves a key identifier (an http(s) URL of a JWK or key document, a DID URL such as did:key / did:jwk / did:web
/// with a fragment) to a public key, through the guarded fetcher. Never throws for bad or unreachable keys.
/// </summary>
public interface IKeyResolver
{
    Task<KeyResolution> ResolveAsync(string keyId, CancellationToken cancellationToken);
}

public enum KeyResolutionStatus
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

public sealed record KeyResolution(KeyResolutionStatus Status, ResolvedKey? Key, string? Error)
{
    public static KeyResolution Fail(KeyResolutionStatus status, string error) => new(status, null, error);
}

public enum KeyKind
{
    Rsa,
    EcP256,
    EcP384,
    Ed25519,
}

/// <summary>A resolved public key and what is known about who controls it.</summary>
public sealed class ResolvedKey
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
}
