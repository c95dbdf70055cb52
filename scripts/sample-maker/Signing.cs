using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using SimpleBase;
using Verifier.LinkedData.Jcs;

namespace Verifier.SampleMaker;

/// <summary>The two ways the samples are secured, made the way an issuer makes them.</summary>
internal static class Signing
{
    /// <summary>
    /// vc-di-eddsa §3.3 eddsa-jcs-2022: hashData = SHA-256(JCS(proof options with the document's @context)) ‖
    /// SHA-256(JCS(document without proof)), signed with Ed25519, multibase base58btc. JCS rather than RDFC so the
    /// samples verify with no JSON-LD context at hand, offline.
    /// </summary>
    public static JsonObject DataIntegrity(JsonObject credential, SampleKey key, string created)
    {
        var proof = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-jcs-2022",
            ["created"] = created,
            ["verificationMethod"] = key.DidKeyMethod,
            ["proofPurpose"] = "assertionMethod",
        };
        var options = (JsonObject)proof.DeepClone();
        options["@context"] = credential["@context"]!.DeepClone();
        var unsecured = (JsonObject)credential.DeepClone();
        unsecured.Remove("proof");
        byte[] hashData = [.. Hash(options), .. Hash(unsecured)];
        proof["proofValue"] = "z" + Base58.Bitcoin.Encode(key.Sign(hashData));
        var secured = (JsonObject)credential.DeepClone();
        secured["proof"] = proof;
        return secured;
    }

    /// <summary>VC-JWT (VC-JOSE-COSE / OB 3.0 §8.2): EdDSA, the key named by kid, the VCDM 1.1-style registered claims.</summary>
    public static string Jwt(JsonObject credential, SampleKey key)
    {
        var header = new JsonObject { ["alg"] = "EdDSA", ["typ"] = "JWT", ["kid"] = key.DidJwkMethod };
        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = key.DidJwk;
        payload["jti"] = credential["id"]!.GetValue<string>();
        payload["nbf"] = DateTimeOffset.Parse(credential["validFrom"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        var input = Encode(header) + "." + Encode(payload);
        return input + "." + Base64UrlEncoder.Encode(key.Sign(Encoding.ASCII.GetBytes(input)));
    }

    private static string Encode(JsonNode node) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));

    private static byte[] Hash(JsonObject json)
    {
        using var document = JsonDocument.Parse(json.ToJsonString());
        return SHA256.HashData(JsonCanonicalizer.CanonicalizeToUtf8(document.RootElement));
    }
}
