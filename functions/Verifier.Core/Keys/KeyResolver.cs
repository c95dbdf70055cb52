using System.Text.Json;
using Microsoft.Extensions.Options;
using Verifier.Core.Caching;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.Trust;

namespace Verifier.Core.Keys;

/// <summary>
/// Resolves key ids to public keys: did:key, did:jwk, did:web (through the guarded fetcher) and http(s) URLs of a
/// JWK, a JWK set, a verification method document or a controller document with a "#fragment". Every fetched
/// document is taken to speak only for the URL it was finally served from (docs/security.md rule 1), and each key
/// records where its bytes came from (<see cref="KeySource"/>), which the issuer binding judges. Answers are cached
/// (computed DIDs long, fetched keys for the fetch cache age); answers that may change with the network are not.
/// </summary>
internal sealed class KeyResolver(IDocumentFetcher fetcher, EngineCache cache, IOptions<VerifierOptions> options) : IKeyResolver
{
    private static readonly TimeSpan ComputedKeyLifetime = TimeSpan.FromHours(1);

    public async Task<KeyResolution> ResolveAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var cacheKey = "verifier.key:" + keyId;
        if (cache.TryGet(CacheTier.Key, cacheKey, out KeyResolution cached))
        {
            return cached;
        }

        var (result, lifetime) = await ResolveUncachedAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (result.Status != KeyResolutionStatus.Unavailable)
        {
            cache.Set(CacheTier.Key, cacheKey, result, EstimateBytes(result), lifetime);
        }

        return result;
    }

    /// <summary>
    /// What a resolution holds: its strings, and the key (a JsonWebKey object with an RSA-4096 modulus, its
    /// base64url text and the raw bytes stays under 4 KiB). An estimate is enough: the budget bounds how many entries
    /// fit, whatever keys badges name.
    /// </summary>
    private static long EstimateBytes(KeyResolution result) =>
        (result.Key is null ? 256 : 4096) + (2L * ((result.Key?.Id.Length ?? 0) + (result.Error?.Length ?? 0)));

    private async Task<(KeyResolution, TimeSpan)> ResolveUncachedAsync(string keyId, CancellationToken ct)
    {
        if (keyId.StartsWith("did:key:", StringComparison.Ordinal))
        {
            return (DidResolvers.ResolveDidKey(keyId), ComputedKeyLifetime);
        }

        if (keyId.StartsWith("did:jwk:", StringComparison.Ordinal))
        {
            return (DidResolvers.ResolveDidJwk(keyId), ComputedKeyLifetime);
        }

        var lifetime = options.Value.Fetch.DefaultCacheAge;
        if (keyId.StartsWith("did:web:", StringComparison.Ordinal))
        {
            return (await ResolveDidWebAsync(keyId, ct).ConfigureAwait(false), lifetime);
        }

        if (keyId.StartsWith("did:", StringComparison.Ordinal))
        {
            var method = keyId.Split(':')[1];
            return (KeyResolution.Fail(KeyResolutionStatus.Unsupported, $"DID method did:{method} is not supported (did:key, did:jwk and did:web are)"), lifetime);
        }

        if (WebIdentity.HttpUrl(keyId) is not null)
        {
            return (await ResolveHttpAsync(keyId, ct).ConfigureAwait(false), lifetime);
        }

        // "urn:…#z6Mk…": nothing to fetch, the fragment is the only place the key is written (unbound by construction).
        var (keyBase, fragment) = DidResolvers.SplitFragment(keyId);
        if (fragment is ['z', ..] && KeyMaterial.FromMultibase(fragment).Key is { } fragmentKey)
        {
            return (new KeyResolution(KeyResolutionStatus.Resolved, fragmentKey.ToResolved(keyId, null, null, KeySource.Fragment), null), lifetime);
        }

        return (KeyResolution.Fail(KeyResolutionStatus.Unsupported, $"'{keyId}' is neither a DID URL nor an http(s) URL ({keyBase})"), lifetime);
    }

    private async Task<KeyResolution> ResolveDidWebAsync(string keyId, CancellationToken ct)
    {
        var (did, fragment) = DidResolvers.SplitFragment(keyId);
        if (fragment is null)
        {
            return DidResolvers.DidWebUrl(did) is null
                ? KeyResolution.Fail(KeyResolutionStatus.Invalid, $"{did} is not a well-formed did:web identifier")
                : KeyResolution.Fail(KeyResolutionStatus.Invalid, $"{keyId} names a DID, not one of its keys (a #fragment is needed)");
        }

        var (doc, url, failure) = await LoadDidWebAsync(did, ct).ConfigureAwait(false);
        using (doc)
        {
            return doc is null ? failure! : FromDocument(doc.RootElement, did, keyId, url!, KeySource.DidDocument);
        }
    }

    /// <summary>At most this many assertionMethod entries are read when listing a DID's keys.</summary>
    private const int MaxListedKeys = 16;

    public async Task<IReadOnlyList<ResolvedKey>> AssertionKeysAsync(string did, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(did);
        if (!did.StartsWith("did:web:", StringComparison.Ordinal) || did.Contains('#', StringComparison.Ordinal))
        {
            return [];
        }

        var (doc, url, _) = await LoadDidWebAsync(did, cancellationToken).ConfigureAwait(false);
        using (doc)
        {
            return doc is null ? [] : AssertionKeys(doc.RootElement, did, url!, KeySource.DidDocument);
        }
    }

    /// <summary>
    /// The keys a DID or controller document lists under assertionMethod (by reference to one of its methods, or
    /// embedded), read as <see cref="FromDocument"/> reads any of its keys — each with its method's controller, which
    /// the caller compares with the document's own id. At most <see cref="MaxListedKeys"/> entries are read.
    /// </summary>
    internal static List<ResolvedKey> AssertionKeys(JsonElement root, string docId, Uri url, KeySource source)
    {
        var keys = new List<ResolvedKey>();
        foreach (var entry in JsonRead.Items(root, "assertionMethod").Take(MaxListedKeys))
        {
            var id = entry.ValueKind == JsonValueKind.String ? entry.GetString() : JsonRead.String(entry, "id");
            if (id is null)
            {
                continue;
            }

            var keyId = id.StartsWith('#') ? docId + id : id;
            if (FromDocument(root, docId, keyId, url, source).Key is { } key)
            {
                keys.Add(key);
            }
        }

        return keys;
    }

    /// <summary>
    /// The DID document a did:web identifier names, fetched from the DID's own URL and declaring that DID as its id
    /// (did:web §3.2, DID Core §7.1.2); otherwise why not.
    /// </summary>
    private async Task<(JsonDocument? Document, Uri? Url, KeyResolution? Failure)> LoadDidWebAsync(string did, CancellationToken ct)
    {
        var url = DidResolvers.DidWebUrl(did);
        if (url is null)
        {
            return (null, null, KeyResolution.Fail(KeyResolutionStatus.Invalid, $"{did} is not a well-formed did:web identifier"));
        }

        var fetched = await fetcher.FetchAsync(url, FetchKind.Document, ct).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            return (null, url, FetchFailure(fetched));
        }

        // did:web §3.2: the document is the one served at the DID's own URL; a redirect off that origin hands the
        // DID to whoever the redirect names (an open redirect on the host must not transfer the DID).
        if (!fetched.SpeaksFor(url))
        {
            return (null, url, KeyResolution.Fail(KeyResolutionStatus.Invalid, $"the DID document of {did} was served from {fetched.FinalUrl}, off the DID's own origin"));
        }

        var doc = Parse(fetched, out var failure);
        if (doc is null)
        {
            return (null, url, failure);
        }

        // DID Core §7.1.2: the resolved document's id must be the DID that was resolved.
        if (doc.RootElement.ValueKind != JsonValueKind.Object || JsonRead.String(doc.RootElement, "id") != did)
        {
            doc.Dispose();
            return (null, url, KeyResolution.Fail(KeyResolutionStatus.Invalid, $"the DID document at {url} is not the document of {did}"));
        }

        return (doc, url, null);
    }

    private async Task<KeyResolution> ResolveHttpAsync(string keyId, CancellationToken ct)
    {
        var (documentUrl, fragment) = DidResolvers.SplitFragment(keyId);
        var fragmentKey = fragment is ['z', ..] ? KeyMaterial.FromMultibase(fragment).Key : null;
        var fetched = await fetcher.FetchAsync(new Uri(documentUrl), FetchKind.Document, ct).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            // "https://issuer/profile#z6Mk…" whose document does not exist: the signature can still be checked with the
            // fragment's bytes, which then prove nothing about the issuer (the binding says so). A network failure is
            // different: the document might list it, so that stays unknown.
            return fetched.Status == FetchStatus.HttpError && fragmentKey is not null
                ? new KeyResolution(KeyResolutionStatus.Resolved, fragmentKey.ToResolved(keyId, null, null, KeySource.Fragment), null)
                : FetchFailure(fetched);
        }

        using var first = Parse(fetched, out var failure);
        if (first is null)
        {
            return fragmentKey is not null
                ? new KeyResolution(KeyResolutionStatus.Resolved, fragmentKey.ToResolved(keyId, null, null, KeySource.Fragment), null)
                : failure!;
        }

        // Rule 1: the document speaks for the URL it came from; a declared id elsewhere must confirm itself.
        var identified = await DocumentIdentity.ConfirmAsync(
            fetched,
            first.RootElement.ValueKind == JsonValueKind.Object ? JsonRead.String(first.RootElement, "id") : null,
            url => fetcher.FetchAsync(url, FetchKind.Document, ct),
            DeclaredId).ConfigureAwait(false);
        if (!identified.IsConfirmed)
        {
            return KeyResolution.Fail(identified.Status == IdentityStatus.Unavailable ? KeyResolutionStatus.Unavailable : KeyResolutionStatus.Invalid, identified.Problem!);
        }

        using var second = identified.Refetched ? Parse(identified.Fetch, out failure) : null;
        var root = (second ?? first).RootElement;
        // The bytes' provenance is where they were finally served from (a key's origin is judged on it).
        var identity = identified.ServedFrom;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return KeyResolution.Fail(KeyResolutionStatus.Invalid, $"{documentUrl} is not a JSON object");
        }

        if (root.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
        {
            return FromKeySet(keys, keyId, fragment, identity);
        }

        // A controller document (issuer profile, DID-like) listing the key: "https://issuer/profile#key-1".
        if (fragment is not null || root.TryGetProperty("verificationMethod", out _))
        {
            var docId = JsonRead.String(root, "id") ?? documentUrl;
            if (VerificationMethodReader.Find(root, docId, keyId) is not null)
            {
                return FromDocument(root, docId, keyId, identity, KeySource.ControllerDocument);
            }

            if (fragmentKey is not null)
            {
                // The 1EdTech examples' form "https://issuer/profile#z6Mk…": the document may list the id by reference
                // only. Its bytes come from the fragment; whether the issuer's document vouches for them is for the
                // issuer binding to decide (it never does for an unlisted fragment).
                var listed = VerificationMethodReader.ListedForAssertion(root, docId, keyId);
                return new KeyResolution(KeyResolutionStatus.Resolved, fragmentKey.ToResolved(keyId, listed ? docId : null, listed, KeySource.Fragment, identity), null);
            }

            if (fragment is not null)
            {
                return KeyResolution.Fail(KeyResolutionStatus.NotFound, $"{documentUrl} does not list the key #{fragment}");
            }
        }

        // The URL is the key itself: a bare JWK or a single verification method document.
        var (key, status, error) = VerificationMethodReader.Read(root);
        if (key is null)
        {
            return KeyResolution.Fail(status, $"{documentUrl}: {error}");
        }

        var controller = JsonRead.String(root, "controller") ?? JsonRead.String(root, "owner");
        return new KeyResolution(KeyResolutionStatus.Resolved, key.ToResolved(keyId, controller, null, KeySource.KeyDocument, identity), null);
    }

    private static KeyResolution FromKeySet(JsonElement keys, string keyId, string? fragment, Uri identity)
    {
        var candidates = keys.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.Object).ToList();
        var chosen = fragment is null
            ? candidates.Count == 1 ? candidates[0] : (JsonElement?)null
            : candidates.FirstOrDefault(k => JsonRead.String(k, "kid") == fragment || JsonRead.String(k, "kid") == keyId);
        if (chosen is not { ValueKind: JsonValueKind.Object } jwk)
        {
            return KeyResolution.Fail(KeyResolutionStatus.NotFound, $"the JWK set does not identify the key {keyId}");
        }

        var (key, status, error) = KeyMaterial.FromJwk(jwk);
        return key is null ? KeyResolution.Fail(status, error!) : new KeyResolution(KeyResolutionStatus.Resolved, key.ToResolved(keyId, null, null, KeySource.KeyDocument, identity), null);
    }

    private static KeyResolution FromDocument(JsonElement root, string docId, string keyId, Uri url, KeySource source)
    {
        if (VerificationMethodReader.Find(root, docId, keyId) is not { } method)
        {
            return KeyResolution.Fail(KeyResolutionStatus.NotFound, $"the document at {url} does not list the key {keyId}");
        }

        var (key, status, error) = VerificationMethodReader.Read(method);
        if (key is null)
        {
            return KeyResolution.Fail(status, $"{keyId}: {error}");
        }

        // A method's own controller, when it states one, is who controls the key (Controlled Identifiers §2.2); a
        // method in the issuer's document that names another controller is someone else's key.
        var controller = JsonRead.String(method, "controller") ?? docId;
        var listed = VerificationMethodReader.ListedForAssertion(root, docId, keyId);
        return new KeyResolution(KeyResolutionStatus.Resolved, key.ToResolved(keyId, controller, listed, source, url), null);
    }

    private static KeyResolution FetchFailure(FetchResult fetched) =>
        KeyResolution.Fail(
            fetched.Status switch
            {
                // 4xx is the server's answer (the key is not there); network failures and 5xx may pass.
                FetchStatus.HttpError => KeyResolutionStatus.NotFound,
                FetchStatus.Refused or FetchStatus.TooLarge => KeyResolutionStatus.Invalid,
                _ => KeyResolutionStatus.Unavailable,
            },
            fetched.Describe());

    private static JsonDocument? Parse(FetchResult fetched, out KeyResolution? failure)
    {
        try
        {
            failure = null;
            return JsonDocument.Parse(fetched.Body);
        }
        catch (JsonException)
        {
            failure = KeyResolution.Fail(KeyResolutionStatus.Invalid, $"{fetched.RequestedUrl} is not JSON");
            return null;
        }
    }

    private static string? DeclaredId(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? JsonRead.String(doc.RootElement, "id") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
