using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Verifier.Core.Keys;

/// <summary>
/// The DID methods whose documents are computed from the identifier itself: did:key (w3c-ccg did-method-key) and
/// did:jwk. Their generated documents list the one key under assertionMethod.
/// </summary>
internal static class DidResolvers
{
    /// <summary>did:key:MB#MB — the fragment, when present, must be the same multibase value (did:key §3.1.2).</summary>
    public static KeyResolution ResolveDidKey(string keyId)
    {
        var (did, fragment) = SplitFragment(keyId);
        var multibase = did["did:key:".Length..];
        if (fragment is not null && fragment != multibase)
        {
            return KeyResolution.Fail(KeyResolutionStatus.NotFound, $"did:key documents have only the key #{multibase}, not #{fragment}");
        }

        var (key, status, error) = KeyMaterial.FromMultibase(multibase);
        return key is null
            ? KeyResolution.Fail(status, $"{did}: {error}")
            : new KeyResolution(KeyResolutionStatus.Resolved, key.ToResolved(did + "#" + multibase, did, true, KeySource.Computed), null);
    }

    /// <summary>did:jwk:base64url(JWK)#0 (did:jwk spec §2): the JWK is the whole document's only key.</summary>
    public static KeyResolution ResolveDidJwk(string keyId)
    {
        var (did, fragment) = SplitFragment(keyId);
        if (fragment is not null && fragment != "0")
        {
            return KeyResolution.Fail(KeyResolutionStatus.NotFound, $"did:jwk documents have only the key #0, not #{fragment}");
        }

        try
        {
            var json = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(did["did:jwk:".Length..]));
            using var doc = JsonDocument.Parse(json);
            var (key, status, error) = KeyMaterial.FromJwk(doc.RootElement);
            return key is null
                ? KeyResolution.Fail(status, $"did:jwk: {error}")
                : new KeyResolution(KeyResolutionStatus.Resolved, key.ToResolved(did + "#0", did, true, KeySource.Computed), null);
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return KeyResolution.Fail(KeyResolutionStatus.Invalid, "did:jwk: the identifier is not a base64url-encoded JSON key");
        }
    }

    /// <summary>
    /// did:web:host[:path…] → https://host/path…/did.json, or https://host/.well-known/did.json without a path
    /// (did:web §3.2.1). A port is percent-encoded in the host part ("%3A"). Always https: the method requires it.
    /// </summary>
    public static Uri? DidWebUrl(string did)
    {
        var parts = did["did:web:".Length..].Split(':');
        if (parts.Length == 0 || parts[0].Length == 0 || parts.Any(p => p.Length == 0))
        {
            return null;
        }

        var host = Uri.UnescapeDataString(parts[0]);
        var path = parts.Length == 1
            ? "/.well-known/did.json"
            : "/" + string.Join('/', parts.Skip(1).Select(Uri.UnescapeDataString).Select(Uri.EscapeDataString)) + "/did.json";
        return Uri.TryCreate("https://" + host + path, UriKind.Absolute, out var url) && url.AbsolutePath == path ? url : null;
    }

    public static (string Base, string? Fragment) SplitFragment(string id)
    {
        var hash = id.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (id, null) : (id[..hash], id[(hash + 1)..]);
    }
}
