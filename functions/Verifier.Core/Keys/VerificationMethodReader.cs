using System.Text.Json;
using Verifier.Core.Input;

namespace Verifier.Core.Keys;

/// <summary>
/// Reads keys out of verification methods and the documents that list them (DID Core §5.2, Controlled Identifiers
/// §2.2): Multikey / Ed25519VerificationKey2020 (<c>publicKeyMultibase</c>), JsonWebKey / JsonWebKey2020
/// (<c>publicKeyJwk</c>), Ed25519VerificationKey2018 (<c>publicKeyBase58</c>), EcdsaSecp256k1VerificationKey2019
/// (<c>publicKeyJwk</c>, <c>publicKeyBase58</c> or <c>publicKeyHex</c>), or a bare JWK.
/// </summary>
internal static class VerificationMethodReader
{
    public static (KeyMaterial? Key, KeyResolutionStatus Status, string? Error) Read(JsonElement method)
    {
        if (method.ValueKind != JsonValueKind.Object)
        {
            return (null, KeyResolutionStatus.Invalid, "the verification method is not an object");
        }

        if (method.TryGetProperty("publicKeyJwk", out var jwk))
        {
            return KeyMaterial.FromJwk(jwk);
        }

        if (JsonRead.String(method, "publicKeyMultibase") is { } multibase)
        {
            return KeyMaterial.FromMultibase(multibase);
        }

        if (JsonRead.String(method, "kty") is not null)
        {
            return KeyMaterial.FromJwk(method);
        }

        // Ed25519VerificationKey2018 (DID documents of the Ed25519Signature2018 generation): the raw 32-byte key in
        // plain base58btc, with no multibase prefix or multicodec header. Only for that type: elsewhere the member
        // does not say which kind of key it holds.
        if (JsonRead.String(method, "publicKeyBase58") is { } base58 && JsonRead.String(method, "type") == "Ed25519VerificationKey2018")
        {
            return Multibase.Decode("z" + base58) is { } raw
                ? KeyMaterial.FromEd25519(raw)
                : (null, KeyResolutionStatus.Invalid, "publicKeyBase58 is not base58btc");
        }

        // EcdsaSecp256k1VerificationKey2019 (W3C CCG secp256k1 2019 suite) documents also carry the SEC 1 point in
        // plain base58btc or hex; as above, only for that type, where the member's key kind is known.
        if (JsonRead.String(method, "type") == "EcdsaSecp256k1VerificationKey2019" && Sec1(method) is { } point)
        {
            return point.Length == 0
                ? (null, KeyResolutionStatus.Invalid, "publicKeyBase58 / publicKeyHex is not a base58btc / hex SEC 1 point")
                : KeyMaterial.FromSec1(KeyKind.EcSecp256k1, point);
        }

        return (null, KeyResolutionStatus.Unsupported, "the verification method has neither publicKeyJwk nor publicKeyMultibase (nor the publicKeyBase58 of an Ed25519VerificationKey2018 or EcdsaSecp256k1VerificationKey2019)");
    }

    /// <summary>The point of a publicKeyBase58 or publicKeyHex member; empty when it does not decode; null when neither is there.</summary>
    private static byte[]? Sec1(JsonElement method)
    {
        if (JsonRead.String(method, "publicKeyBase58") is { } base58)
        {
            return Multibase.Decode("z" + base58) ?? [];
        }

        if (JsonRead.String(method, "publicKeyHex") is not { } hex)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    /// <summary>Finds the method with <paramref name="keyId"/> in a DID or controller document (absolute or "#fragment" ids).</summary>
    public static JsonElement? Find(JsonElement document, string documentId, string keyId)
    {
        foreach (var relation in (string[])["verificationMethod", "assertionMethod", "publicKey", "authentication"])
        {
            if (!document.TryGetProperty(relation, out var list))
            {
                continue;
            }

            foreach (var entry in Items(list))
            {
                if (entry.ValueKind == JsonValueKind.Object && SameId(JsonRead.String(entry, "id"), documentId, keyId))
                {
                    return entry;
                }
            }
        }

        return null;
    }

    /// <summary>Whether <c>assertionMethod</c> lists the key, by reference or embedded (VC DM 2.0 §4.12 proof purpose).</summary>
    public static bool ListedForAssertion(JsonElement document, string documentId, string keyId)
    {
        if (!document.TryGetProperty("assertionMethod", out var list))
        {
            return false;
        }

        foreach (var entry in Items(list))
        {
            var id = entry.ValueKind switch
            {
                JsonValueKind.String => entry.GetString(),
                JsonValueKind.Object => JsonRead.String(entry, "id"),
                _ => null,
            };
            if (SameId(id, documentId, keyId))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameId(string? candidate, string documentId, string keyId)
    {
        if (candidate is null)
        {
            return false;
        }

        var absolute = candidate.StartsWith('#') ? documentId + candidate : candidate;
        return string.Equals(absolute, keyId, StringComparison.Ordinal);
    }

    private static JsonElement[] Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [value];
}
