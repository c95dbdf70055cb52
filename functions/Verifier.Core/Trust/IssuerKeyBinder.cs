using Verifier.Core.Keys;
using Verifier.Core.Reporting;

namespace Verifier.Core.Trust;

/// <summary>
/// Decides whether a signing key is the issuer's (docs/security.md rule 3), for VC-JWT (kid or jwk) and Data
/// Integrity (verificationMethod), and at which level. A key belongs to an issuer only when something the issuer
/// controls says so: its own document or DID document lists it, or the issuer id is the key (document level); or
/// its bytes were served from the issuer id's origin while the issuer's document lists no keys (origin level).
/// Never a key whose own document names another controller, a method inside another issuer's document, a key reached
/// through a redirect off the issuer's origin, a header jwk the issuer's documents do not hold, or key bytes read out
/// of a URL fragment.
/// </summary>
internal sealed class IssuerKeyBinder(IssuerDocuments documents, IKeyResolver keys)
{
    /// <param name="issuerId">The credential's issuer id.</param>
    /// <param name="keyId">The key id the proof names (kid / verificationMethod); null when the key came in a header jwk.</param>
    /// <param name="key">The resolved key.</param>
    /// <param name="jwtIssuer">The JWT <c>iss</c> claim, when the proof is a VC-JWT.</param>
    /// <param name="cancellationToken">Cancels the issuer document fetch.</param>
    public async ValueTask<IssuerBindingResult> EvaluateAsync(string? issuerId, string? keyId, ResolvedKey? key, string? jwtIssuer, CancellationToken cancellationToken)
    {
        if (jwtIssuer is not null && issuerId is not null && !WebIdentity.SameId(jwtIssuer, issuerId))
        {
            return IssuerBindingResult.Contradiction($"the token's iss ({jwtIssuer}) is not the credential's issuer ({issuerId})");
        }

        if (keyId is null || key is null || key.Source == KeySource.Header)
        {
            return await ForHeaderKeyAsync(issuerId, key, cancellationToken).ConfigureAwait(false);
        }

        if (issuerId is null)
        {
            return IssuerBindingResult.Contradiction("the credential names no issuer id, so no key can be the issuer's");
        }

        return issuerId.StartsWith("did:", StringComparison.Ordinal)
            ? ForDidIssuer(issuerId, keyId, key)
            : WebIdentity.HttpUrl(issuerId) is { } issuerUrl
                ? await ForUrlIssuerAsync(issuerId, issuerUrl, keyId, key, cancellationToken).ConfigureAwait(false)
                : IssuerBindingResult.Unproven($"the issuer id {issuerId} is neither a DID nor an http(s) URL, so no key can be shown to be its own: {IssuerBinding.AnyoneCouldHaveSigned}");
    }

    /// <summary>
    /// A key carried in the token (jwk header) names no document, so only its bytes can match one the issuer vouches
    /// for: a did:key or did:jwk issuer is its own key, a did:web issuer's DID document lists its assertion keys, and
    /// an http(s) issuer's own document may hold its assertion keys as embedded verification methods.
    /// The signature verified with the header key, so a match means the issuer's key holder signed. Anything else —
    /// including a DID document that cannot be fetched — leaves it where a header key always was: unproven (no
    /// document was needed to refuse it, so an unreachable one changes nothing).
    /// </summary>
    private async ValueTask<IssuerBindingResult> ForHeaderKeyAsync(string? issuerId, ResolvedKey? key, CancellationToken ct)
    {
        var unproven = IssuerBindingResult.Unproven($"the signing key travels inside the token (jwk header) and nothing ties it to the issuer: {IssuerBinding.AnyoneCouldHaveSigned}");
        if (key is null || issuerId is null)
        {
            return unproven;
        }

        var did = DidResolvers.SplitFragment(issuerId).Base;
        if (SelfDescribingDidKey(issuerId) is { } own)
        {
            return SameKey(own, key)
                ? new(BindingLevel.Document, $"the issuer is the DID {did}, and the token's jwk header is that DID's own key", IssuerProofs.DidKeyIssuer, did)
                : unproven;
        }

        if (did.StartsWith("did:web:", StringComparison.Ordinal))
        {
            var listed = Match(await keys.AssertionKeysAsync(did, ct).ConfigureAwait(false), key, controller => controller == did);
            return listed is null ? unproven
                : new(BindingLevel.Document, $"the issuer's DID document ({did}) lists the token's jwk header key as {listed.Id} for assertionMethod", IssuerProofs.DidDocument, listed.DocumentUrl?.AbsoluteUri ?? did);
        }

        if (!did.StartsWith("did:", StringComparison.Ordinal) && WebIdentity.HttpUrl(issuerId) is { } issuerUrl)
        {
            // The same for an http(s) issuer whose own document (fetched from its id, rule 1) holds the key and
            // lists it for assertions; its silence, absence or unavailability changes nothing.
            var document = await documents.LoadAsync(issuerUrl, ct).ConfigureAwait(false);
            var listed = Match(document.AssertionKeyMaterial, key, controller => WebIdentity.SameId(controller, issuerId) || WebIdentity.SameDocument(controller, issuerId));
            return listed is null ? unproven
                : new(BindingLevel.Document, $"the issuer's own document {issuerId} lists the token's jwk header key as {listed.Id} for making credentials", IssuerProofs.IssuerDocument, issuerUrl.AbsoluteUri);
        }

        return unproven;
    }

    /// <summary>The listed key with the header key's bytes whose method is controlled by the document itself (a method naming another controller is that controller's key).</summary>
    private static ResolvedKey? Match(IReadOnlyList<ResolvedKey> listed, ResolvedKey key, Func<string, bool> ownController)
    {
        foreach (var candidate in listed)
        {
            if (SameKey(candidate, key) && (candidate.Controller is null || ownController(candidate.Controller)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static IssuerBindingResult ForDidIssuer(string issuerId, string keyId, ResolvedKey key)
    {
        var issuerDid = DidResolvers.SplitFragment(issuerId).Base;
        var keyDid = DidResolvers.SplitFragment(keyId).Base;
        if (!keyDid.StartsWith("did:", StringComparison.Ordinal))
        {
            return key.Controller is { } controller && !WebIdentity.SameId(controller, issuerDid)
                ? IssuerBindingResult.Contradiction($"the key document says {keyId} is controlled by {controller}, not by the issuer {issuerDid}")
                : IssuerBindingResult.Unproven($"the key {keyId} is not in the issuer DID {issuerDid}'s document: {IssuerBinding.AnyoneCouldHaveSigned}");
        }

        if (keyDid != issuerDid)
        {
            return IssuerBindingResult.Contradiction($"the key {keyId} belongs to {keyDid}, but the issuer is {issuerDid}");
        }

        if (key.Source == KeySource.Computed)
        {
            return new(BindingLevel.Document, $"the issuer is the DID {issuerDid}, and {keyId} is that DID's own key", IssuerProofs.DidKeyIssuer, issuerDid);
        }

        if (key.Controller is { } methodController && methodController != issuerDid)
        {
            return IssuerBindingResult.Contradiction($"the DID document lists {keyId} with controller {methodController}, not the issuer {issuerDid}");
        }

        return key.ListedForAssertion == true
            ? new(BindingLevel.Document, $"the issuer's DID document ({issuerDid}) lists {keyId} for assertionMethod", IssuerProofs.DidDocument, key.DocumentUrl?.AbsoluteUri ?? issuerDid)
            : IssuerBindingResult.Contradiction($"the issuer's DID document does not list {keyId} under assertionMethod");
    }

    private async ValueTask<IssuerBindingResult> ForUrlIssuerAsync(string issuerId, Uri issuerUrl, string keyId, ResolvedKey key, CancellationToken ct)
    {
        if (DidResolvers.SplitFragment(keyId).Base.StartsWith("did:", StringComparison.Ordinal))
        {
            return IssuerBindingResult.Unproven($"the key {keyId} is a DID's key, unrelated to the issuer {issuerId}: {IssuerBinding.AnyoneCouldHaveSigned}");
        }

        // The key's own statement of who controls it is believed when it says "someone else".
        if (key.Controller is { } controller && !WebIdentity.SameId(controller, issuerId) && !WebIdentity.SameDocument(controller, issuerId))
        {
            return IssuerBindingResult.Contradiction($"{keyId} is controlled by {controller} (its own document says so), not by the issuer {issuerId}");
        }

        var issuerDocument = await documents.LoadAsync(issuerUrl, ct).ConfigureAwait(false);
        if (issuerDocument.Status == IssuerDocumentStatus.Unavailable)
        {
            return IssuerBindingResult.Indeterminate($"whether {keyId} is the issuer's key depends on the issuer's document, which could not be checked: {issuerDocument.Problem}");
        }

        if (issuerDocument.ListsForAssertion(keyId))
        {
            return new(BindingLevel.Document, $"the issuer's own document {issuerId} lists {keyId} for making credentials", IssuerProofs.IssuerDocument, issuerUrl.AbsoluteUri);
        }

        if (issuerDocument.Lists(keyId))
        {
            return IssuerBindingResult.Contradiction($"the issuer's document {issuerId} lists {keyId}, but not under assertionMethod: it is not a key for making credentials");
        }

        if (issuerDocument.ListsAnyKey)
        {
            return IssuerBindingResult.Unproven($"the issuer's document {issuerId} lists its keys, and {keyId} is not one of them: {IssuerBinding.AnyoneCouldHaveSigned}");
        }

        if (key.Source == KeySource.Fragment)
        {
            return IssuerBindingResult.Unproven($"the key bytes of {keyId} are read from the URL's fragment, which no server published, and the issuer's document does not list it: {IssuerBinding.AnyoneCouldHaveSigned}");
        }

        if (key.Source == KeySource.KeyDocument && key.DocumentUrl is { } served && WebIdentity.SameSite(served, issuerUrl))
        {
            return new(BindingLevel.Origin, $"the key {keyId} is served from the issuer's origin {WebIdentity.OriginOf(issuerUrl)}, and the issuer's document lists no keys", IssuerProofs.IssuerOrigin, served.AbsoluteUri);
        }

        var where = key.DocumentUrl is { } from ? $"served from {from}" : "not published by any server";
        return IssuerBindingResult.Unproven($"the key {keyId} is {where}, outside the issuer's origin {WebIdentity.OriginOf(issuerUrl)}, and the issuer's document does not list it: {IssuerBinding.AnyoneCouldHaveSigned}");
    }

    /// <summary>The key a did:key or did:jwk issuer id is made of (no fetch: the identifier holds it); null for other ids.</summary>
    private static ResolvedKey? SelfDescribingDidKey(string issuerId)
    {
        var did = DidResolvers.SplitFragment(issuerId).Base;
        var resolution = did.StartsWith("did:key:", StringComparison.Ordinal) ? DidResolvers.ResolveDidKey(did)
            : did.StartsWith("did:jwk:", StringComparison.Ordinal) ? DidResolvers.ResolveDidJwk(did)
            : null;
        return resolution?.Key;
    }

    /// <summary>
    /// The same public key: same type and the same key bytes — the raw Ed25519 key or EC point, or RSA's n and e (as
    /// normalized base64url by KeyMaterial). Not IdentityModel's JWK thumbprint, which does not take OKP keys.
    /// </summary>
    private static bool SameKey(ResolvedKey a, ResolvedKey b) =>
        a.Kind == b.Kind && (a.PublicKeyBytes is { } x && b.PublicKeyBytes is { } y
            ? x.AsSpan().SequenceEqual(y)
            : a.Kind == KeyKind.Rsa && a.Jwk.N is { Length: > 0 } && a.Jwk.N == b.Jwk.N && a.Jwk.E == b.Jwk.E);
}
