using Verifier.Core.Keys;
using Verifier.Core.Trust;

namespace Verifier.Core.Registries;

/// <summary>
/// The form in which a verified issuer identity is looked up. A DID is matched without its fragment (a registry
/// lists the DID, not one of its keys) and as an exact string otherwise (DID method-specific ids are case-sensitive).
/// An http(s) identity is matched as a document address under docs/security.md rule 1 (<see cref="WebIdentity.SameDocument(Uri, Uri)"/>).
/// </summary>
public readonly record struct RegistryIdentity(string Value, Uri? Web)
{
    public bool IsDid => Web is null;

    /// <summary>The lookup form of an identity, or null when it is neither a DID nor an http(s) URL (a urn:uuid names no one).</summary>
    public static RegistryIdentity? Normalize(string? identity)
    {
        if (string.IsNullOrEmpty(identity))
        {
            return null;
        }

        if (identity.StartsWith("did:", StringComparison.Ordinal))
        {
            var did = DidResolvers.SplitFragment(identity).Base;
            return did.Length > "did:".Length ? new RegistryIdentity(did, null) : null;
        }

        return WebIdentity.HttpUrl(identity) is { } web ? new RegistryIdentity(identity, web) : null;
    }

    /// <summary>Whether a registry entry's key names this identity.</summary>
    public bool Matches(string entryId) =>
        Web is null
            ? string.Equals(DidResolvers.SplitFragment(entryId).Base, Value, StringComparison.Ordinal)
            : WebIdentity.HttpUrl(entryId) is { } entry && WebIdentity.SameDocument(entry, Web);

    public override string ToString() => Value;
}
