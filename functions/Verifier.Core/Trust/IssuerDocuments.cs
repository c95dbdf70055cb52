using System.Text.Json;
using Microsoft.Extensions.Options;
using Verifier.Core.Caching;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Keys;

namespace Verifier.Core.Trust;

internal enum IssuerDocumentStatus
{
    /// <summary>The issuer's document was fetched from the issuer id and speaks for it.</summary>
    Loaded,

    /// <summary>The issuer id serves no usable document (4xx, not JSON, an id it cannot confirm): it lists no keys.</summary>
    Absent,

    /// <summary>The issuer id could not be fetched now (network, 5xx): whether it lists keys is unknown.</summary>
    Unavailable,
}

/// <summary>What an issuer's own document (fetched from its http(s) id) says about keys.</summary>
/// <param name="Status">Whether the document could be read.</param>
/// <param name="Url">The issuer id the document was fetched from.</param>
/// <param name="Keys">Every key id the document lists (verificationMethod, assertionMethod, publicKey, authentication…), absolute.</param>
/// <param name="AssertionKeys">The key ids it lists for making credentials: assertionMethod, and OB 2.0's publicKey.</param>
/// <param name="Problem">Why the document is absent or unavailable.</param>
internal sealed record IssuerDocument(IssuerDocumentStatus Status, Uri Url, IReadOnlySet<string> Keys, IReadOnlySet<string> AssertionKeys, string? Problem)
{
    /// <summary>
    /// The keys the document itself holds (verification methods with key material) and lists under assertionMethod,
    /// each with its method's controller: what a key that came without an id, such as a VC-JWT's jwk header, can be
    /// matched against by its bytes.
    /// </summary>
    public IReadOnlyList<ResolvedKey> AssertionKeyMaterial { get; init; } = [];

    public bool ListsAnyKey => Keys.Count > 0;

    public bool Lists(string keyId) => Keys.Contains(keyId);

    public bool ListsForAssertion(string keyId) => AssertionKeys.Contains(keyId);
}

/// <summary>
/// Loads the document an http(s) issuer id serves (OB 3.0 Profile or a controlled-identifier document), under
/// docs/security.md rule 1, and reads which keys it lists. This is the "something the issuer controls" that binds a
/// key at document level — and whose silence about keys is what allows origin-level binding.
/// </summary>
internal sealed class IssuerDocuments(IDocumentFetcher fetcher, EngineCache? cache = null, IOptions<VerifierOptions>? options = null)
{
    private static readonly string[] KeyRelations = ["verificationMethod", "assertionMethod", "publicKey", "authentication", "capabilityInvocation", "capabilityDelegation", "keyAgreement"];
    private static readonly string[] AssertionRelations = ["assertionMethod", "publicKey"];

    /// <summary>
    /// The issuer's document, read once per fetch-cache lifetime: a hot issuer's key list is not re-parsed for every
    /// badge. Only answers that cannot depend on this moment's network (loaded, absent) are kept (rule 8).
    /// </summary>
    public ValueTask<IssuerDocument> LoadAsync(Uri issuerUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuerUrl);
        var key = "verifier.issuerdoc:" + issuerUrl.AbsoluteUri;
        return cache is not null && cache.TryGet(CacheTier.IssuerDocument, key, out IssuerDocument cached)
            ? ValueTask.FromResult(cached)
            : LoadUncachedAsync(key, issuerUrl, cancellationToken);
    }

    private async ValueTask<IssuerDocument> LoadUncachedAsync(string key, Uri issuerUrl, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(issuerUrl, cancellationToken).ConfigureAwait(false);
        if (cache is not null && document.Status != IssuerDocumentStatus.Unavailable)
        {
            var lifetime = options?.Value.Fetch.DefaultCacheAge ?? TimeSpan.FromMinutes(5);
            var bytes = 512 + document.Keys.Concat(document.AssertionKeys).Sum(k => 64L + (2L * k.Length)) + (2L * (document.Problem?.Length ?? 0))
                + (document.AssertionKeyMaterial.Count * 2048L);
            cache.Set(CacheTier.IssuerDocument, key, document, bytes, lifetime);
        }

        return document;
    }

    private async Task<IssuerDocument> ReadAsync(Uri issuerUrl, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(issuerUrl, FetchKind.Document, cancellationToken).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            return fetched.IsTransient
                ? Empty(IssuerDocumentStatus.Unavailable, issuerUrl, $"the issuer's document could not be fetched: {fetched.Describe()}")
                : Empty(IssuerDocumentStatus.Absent, issuerUrl, fetched.Describe());
        }

        var declared = ReadId(fetched.Body);
        var identified = await DocumentIdentity.ConfirmAsync(
            fetched, declared, url => fetcher.FetchAsync(url, FetchKind.Document, cancellationToken), ReadId).ConfigureAwait(false);
        if (identified.Status == IdentityStatus.Unavailable)
        {
            return Empty(IssuerDocumentStatus.Unavailable, issuerUrl, identified.Problem);
        }

        if (!identified.IsConfirmed || !WebIdentity.SameDocument(identified.Identity!, issuerUrl))
        {
            return Empty(IssuerDocumentStatus.Absent, issuerUrl, identified.Problem ?? $"{issuerUrl} serves the document of {identified.Identity}");
        }

        try
        {
            using var doc = JsonDocument.Parse(identified.Fetch.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Empty(IssuerDocumentStatus.Absent, issuerUrl, "the issuer id does not serve a JSON object");
            }

            var root = doc.RootElement;
            var docId = declared ?? issuerUrl.AbsoluteUri;
            return new IssuerDocument(IssuerDocumentStatus.Loaded, issuerUrl, Collect(root, docId, KeyRelations), Collect(root, docId, AssertionRelations), null)
            {
                AssertionKeyMaterial = KeyResolver.AssertionKeys(root, docId, issuerUrl, KeySource.ControllerDocument),
            };
        }
        catch (JsonException)
        {
            return Empty(IssuerDocumentStatus.Absent, issuerUrl, "the issuer id does not serve JSON");
        }
    }

    private static HashSet<string> Collect(JsonElement root, string docId, string[] relations)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relation in relations)
        {
            if (!root.TryGetProperty(relation, out var list))
            {
                continue;
            }

            foreach (var entry in list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : new[] { list })
            {
                var id = entry.ValueKind switch
                {
                    JsonValueKind.String => entry.GetString(),
                    JsonValueKind.Object when entry.TryGetProperty("id", out var v) && v.ValueKind == JsonValueKind.String => v.GetString(),
                    _ => null,
                };
                if (id is not null)
                {
                    ids.Add(id.StartsWith('#') ? docId + id : id);
                }
            }
        }

        return ids;
    }

    private static IssuerDocument Empty(IssuerDocumentStatus status, Uri url, string? problem) =>
        new(status, url, new HashSet<string>(), new HashSet<string>(), problem);

    private static string? ReadId(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
