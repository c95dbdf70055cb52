using System.Text.Json;
using Verifier.Core.Keys;
using Verifier.Core.Trust;

namespace Verifier.Core.Registries;

/// <summary>
/// A trust anchor's entity configuration, verified (OpenID Federation 1.0 §3, §9): self-signed (<c>iss</c> =
/// <c>sub</c> = the anchor) with a key of its own <c>jwks</c> — or, when keys are pinned in configuration, with a
/// pinned key that the <c>jwks</c> also carries — and naming its <c>federation_fetch_endpoint</c>. Its lifetime is
/// checked at each use (<see cref="EntityStatement.CheckLifetime"/>); everything here depends only on the bytes and
/// the configuration, so it is kept per version of the bytes.
/// </summary>
internal sealed class TrustAnchor
{
    private TrustAnchor(EntityStatement statement, IReadOnlyDictionary<string, KeyMaterial> keys, Uri fetchEndpoint)
    {
        Statement = statement;
        Keys = keys;
        FetchEndpoint = fetchEndpoint;
    }

    public EntityStatement Statement { get; }

    /// <summary>The anchor's keys, which sign its subordinate statements.</summary>
    public IReadOnlyDictionary<string, KeyMaterial> Keys { get; }

    public Uri FetchEndpoint { get; }

    /// <summary>The well-known URL of an entity's configuration (§9: the path is appended to the entity identifier).</summary>
    public static Uri? ConfigurationUrl(string entityId) =>
        WebIdentity.HttpUrl(entityId) is { } id && string.IsNullOrEmpty(id.Query) && string.IsNullOrEmpty(id.Fragment)
            ? new Uri(entityId.TrimEnd('/') + "/.well-known/openid-federation")
            : null;

    /// <summary>Verifies an entity configuration's signature and content (not its lifetime); the error says why it is refused.</summary>
    /// <param name="jwt">The entity configuration as served.</param>
    /// <param name="entityId">The anchor's entity identifier from configuration.</param>
    /// <param name="pinned">Pinned keys by kid, or null to trust the keys the configuration carries.</param>
    public static async Task<(TrustAnchor? Anchor, string? Error)> VerifyAsync(string jwt, string entityId, IReadOnlyDictionary<string, KeyMaterial>? pinned)
    {
        var statement = EntityStatement.Parse(jwt, out var error);
        if (statement is null)
        {
            return (null, error);
        }

        if (statement.Iss != entityId || statement.Sub != entityId)
        {
            return (null, $"its iss ({statement.Iss}) and sub ({statement.Sub}) must both be the trust anchor {entityId}: an entity configuration is self-issued");
        }

        if (!statement.Payload.TryGetProperty("jwks", out var jwks))
        {
            return (null, "it has no jwks");
        }

        var keys = EntityStatement.ReadJwks(jwks, out error);
        if (keys is null)
        {
            return (null, error);
        }

        var signers = keys;
        if (pinned is not null)
        {
            // A pinned key decides: the configuration must be signed by it and still carry it, so that a key the
            // anchor's host was made to serve (a compromised web server, a takeover of the domain) is never trusted.
            if (!pinned.TryGetValue(statement.Kid, out var pin))
            {
                return (null, $"it is signed with the key {statement.Kid}, which is not pinned in the verifier's configuration");
            }

            if (!keys.TryGetValue(statement.Kid, out var published) || EntityStatement.Fingerprint(published) != EntityStatement.Fingerprint(pin))
            {
                return (null, $"its jwks does not carry the pinned key {statement.Kid}");
            }

            signers = new Dictionary<string, KeyMaterial>(StringComparer.Ordinal) { [statement.Kid] = pin };
        }

        if (await statement.VerifySignatureAsync(signers).ConfigureAwait(false) is { } bad)
        {
            return (null, bad);
        }

        var fetch = statement.Get("metadata", "federation_entity", "federation_fetch_endpoint");
        if (WebIdentity.HttpUrl(fetch) is not { } endpoint || !string.IsNullOrEmpty(endpoint.Fragment))
        {
            return (null, "its metadata.federation_entity names no federation_fetch_endpoint (an absolute http(s) URL)");
        }

        return (new TrustAnchor(statement, keys, endpoint), null);
    }

    /// <summary>Pinned keys from configuration, by kid; the error says why one is unusable.</summary>
    /// <summary>{"keys":[{kty, crv, kid, x, y, n, e}…]} with absent members left out, written without reflection.</summary>
    private static JsonElement JwksElement(PinnedJwks pinned)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var k in pinned.Keys)
            {
                writer.WriteStartObject();
                foreach (var (name, value) in new[] { ("kty", k.Kty), ("crv", k.Crv), ("kid", k.Kid), ("x", k.X), ("y", k.Y), ("n", k.N), ("e", k.E) })
                {
                    if (value is not null)
                    {
                        writer.WriteString(name, value);
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    public static Dictionary<string, KeyMaterial>? ReadPinned(PinnedJwks? pinned, out string? error)
    {
        error = null;
        if (pinned is null || pinned.Keys.Count == 0)
        {
            return null;
        }

        var keys = EntityStatement.ReadJwks(JwksElement(pinned), out error);
        if (keys is not null && keys.Count != pinned.Keys.Count)
        {
            error = "a pinned key is of a type the verifier does not support";
            return null;
        }

        return keys;
    }

    /// <summary>The fetch endpoint's URL for one subject (§8.1.1: <c>GET {endpoint}?sub=…</c>).</summary>
    public Uri FetchUrl(string subject)
    {
        var endpoint = FetchEndpoint.AbsoluteUri;
        return new Uri(endpoint + (string.IsNullOrEmpty(FetchEndpoint.Query) ? "?" : "&") + "sub=" + Uri.EscapeDataString(subject));
    }
}
