using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;

namespace Verifier.Core.Keys;

/// <summary>
/// Resolves key ids to public keys: did:key, did:jwk, did:web (through the guarded fetcher) and http(s) URLs of a
/// JWK, a JWK set, a verification method document or a controller document with a "#fragment". Answers are cached
/// (computed DIDs long, fetched keys for the fetch cache age); failures that may pass are not.
/// </summary>
public sealed class KeyResolver(IDocumentFetcher fetcher, IMemoryCache cache, IOptions<VerifierOptions> options) : IKeyResolver
{
    private static readonly TimeSpan ComputedKeyLifetime = TimeSpan.FromHours(1);

    public async Task<KeyResolution> ResolveAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var cacheKey = "verifier.key:" + keyId;
        if (cache.TryGetValue(cacheKey, out KeyResolution? cached) && cached is not null)
        {
            return cached;
        }

        var (result, lifetime) = await ResolveUncachedAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (result.Status is KeyResolutionStatus.Resolved or KeyResolutionStatus.NotFound or KeyResolutionStatus.Invalid or KeyResolutionStatus.Unsupported)
        {
            cache.Set(cacheKey, result, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        }

        return result;
    }

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
        var (keyBase, keyFragment) = DidResolvers.SplitFragment(keyId);
        if (!keyId.StartsWith("did:", StringComparison.Ordinal) && keyFragment is ['z', ..] && KeyMaterial.FromMultibase(keyFragment).Key is { } fragmentKey)
        {
            return (await ResolveFragmentKeyAsync(keyId, keyBase, fragmentKey, ct).ConfigureAwait(false), lifetime);
        }

        if (keyId.StartsWith("did:web:", StringComparison.Ordinal))
        {
            return (await ResolveDidWebAsync(keyId, ct).ConfigureAwait(false), lifetime);
        }

        if (keyId.StartsWith("did:", StringComparison.Ordinal))
        {
            var method = keyId.Split(':')[1];
            return (KeyResolution.Fail(KeyResolutionStatus.Unsupported, $"DID method did:{method} is not supported (did:key, did:jwk and did:web are)"), lifetime);
        }

        if (Uri.TryCreate(keyId, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return (await ResolveHttpAsync(keyId, url, ct).ConfigureAwait(false), lifetime);
        }

        return (KeyResolution.Fail(KeyResolutionStatus.Unsupported, $"'{keyId}' is neither a DID URL nor an http(s) URL"), lifetime);
    }

    private async Task<KeyResolution> ResolveDidWebAsync(string keyId, CancellationToken ct)
    {
        var (did, fragment) = DidResolvers.SplitFragment(keyId);
        var url = DidResolvers.DidWebUrl(did);
        if (url is null)
        {
            return KeyResolution.Fail(KeyResolutionStatus.Invalid, $"{did} is not a well-formed did:web identifier");
        }

        if (fragment is null)
        {
            return KeyResolution.Fail(KeyResolutionStatus.Invalid, $"{keyId} names a DID, not one of its keys (a #fragment is needed)");
        }

        var (doc, failure) = await FetchJsonAsync(url, ct).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        using (doc)
        {
            var root = doc!.RootElement;
            // DID Core §7.1.2: the resolved document's id must be the DID that was resolved.
            if (KeyMaterial.Str(root, "id") != did)
            {
                return KeyResolution.Fail(KeyResolutionStatus.Invalid, $"the DID document at {url} is not the document of {did}");
            }

            return FromDocument(root, did, keyId, url);
        }
    }

    private async Task<KeyResolution> ResolveHttpAsync(string keyId, Uri url, CancellationToken ct)
    {
        var (documentUrl, fragment) = DidResolvers.SplitFragment(keyId);
        var (doc, failure) = await FetchJsonAsync(new Uri(documentUrl), ct).ConfigureAwait(false);
        if (failure is not null)
        {
            return failure;
        }

        using (doc)
        {
            var root = doc!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return KeyResolution.Fail(KeyResolutionStatus.Invalid, $"{url} is not a JSON object");
            }

            if (root.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
            {
                return FromKeySet(keys, keyId, fragment);
            }

            // A controller document (issuer profile, DID-like) listing the key: "https://issuer/profile#key-1".
            if (fragment is not null || root.TryGetProperty("verificationMethod", out _))
            {
                var docId = KeyMaterial.Str(root, "id") ?? documentUrl;
                if (VerificationMethodReader.Find(root, docId, keyId) is not null)
                {
                    return FromDocument(root, docId, keyId, url);
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
                return KeyResolution.Fail(status, $"{url}: {error}");
            }

            var controller = KeyMaterial.Str(root, "controller") ?? KeyMaterial.Str(root, "owner");
            return new KeyResolution(KeyResolutionStatus.Resolved, key.ToResolved(keyId, controller, null), null);
        }
    }

    /// <summary>
    /// "https://issuer.example/profile#z6Mk…" (and "urn:…#z6Mk…"): the fragment is itself a Multikey value, the form the
    /// 1EdTech examples use. The key is taken from the fragment; whether the base's document lists it for assertions is
    /// asked of that document when it can be fetched, and stays unknown otherwise (the issuer binding judges that).
    /// </summary>
    private async Task<KeyResolution> ResolveFragmentKeyAsync(string keyId, string keyBase, KeyMaterial fragmentKey, CancellationToken ct)
    {
        bool? listed = null;
        if (Uri.TryCreate(keyBase, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            var (doc, failure) = await FetchJsonAsync(url, ct).ConfigureAwait(false);
            if (failure is null)
            {
                using (doc)
                {
                    var root = doc!.RootElement;
                    var docId = root.ValueKind == JsonValueKind.Object ? KeyMaterial.Str(root, "id") ?? keyBase : keyBase;
                    listed = root.ValueKind == JsonValueKind.Object && VerificationMethodReader.ListedForAssertion(root, docId, keyId);
                }
            }
        }

        return new KeyResolution(KeyResolutionStatus.Resolved, fragmentKey.ToResolved(keyId, keyBase, listed), null);
    }

    private static KeyResolution FromKeySet(JsonElement keys, string keyId, string? fragment)
    {
        var candidates = keys.EnumerateArray().Where(k => k.ValueKind == JsonValueKind.Object).ToList();
        var chosen = fragment is null
            ? candidates.Count == 1 ? candidates[0] : (JsonElement?)null
            : candidates.FirstOrDefault(k => KeyMaterial.Str(k, "kid") == fragment || KeyMaterial.Str(k, "kid") == keyId);
        if (chosen is not { ValueKind: JsonValueKind.Object } jwk)
        {
            return KeyResolution.Fail(KeyResolutionStatus.NotFound, $"the JWK set does not identify the key {keyId}");
        }

        var (key, status, error) = KeyMaterial.FromJwk(jwk);
        return key is null ? KeyResolution.Fail(status, error!) : new KeyResolution(KeyResolutionStatus.Resolved, key.ToResolved(keyId, null, null), null);
    }

    private static KeyResolution FromDocument(JsonElement root, string docId, string keyId, Uri url)
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

        var listed = VerificationMethodReader.ListedForAssertion(root, docId, keyId);
        return new KeyResolution(KeyResolutionStatus.Resolved, key.ToResolved(keyId, docId, listed), null);
    }

    private async Task<(JsonDocument? Doc, KeyResolution? Failure)> FetchJsonAsync(Uri url, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(url, FetchKind.Document, ct).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            // 4xx is the server's answer (the key is not there); network failures and 5xx may pass.
            var status = fetched.Status switch
            {
                FetchStatus.HttpError => KeyResolutionStatus.NotFound,
                FetchStatus.Refused or FetchStatus.TooLarge => KeyResolutionStatus.Invalid,
                _ => KeyResolutionStatus.Unavailable,
            };
            return (null, KeyResolution.Fail(status, fetched.Describe()));
        }

        try
        {
            return (JsonDocument.Parse(fetched.Body), null);
        }
        catch (JsonException)
        {
            return (null, KeyResolution.Fail(KeyResolutionStatus.Invalid, $"{url} is not JSON"));
        }
    }
}
