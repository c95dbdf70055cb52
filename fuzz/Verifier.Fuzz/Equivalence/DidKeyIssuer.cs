using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using SimpleBase;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Fuzz.Equivalence;

/// <summary>
/// An issuer of our own: a fresh Ed25519 or P-256 key published as did:key (the engine reads the key from the
/// identifier itself, so nothing is fetched), signing with the RDFC suites as an issuer does (VC Data Integrity §4.1
/// Add Proof: hash of the canonical proof configuration ‖ hash of the canonical document). Shared by the fuzz
/// harness and the tests (linked into Verifier.Core.Tests).
/// </summary>
internal sealed class DidKeyIssuer : IDisposable
{
    private static readonly JsonLdOptions Safe = new() { SafeMode = true };

    private readonly Func<byte[], byte[]> sign;
    private readonly IDisposable key;

    private DidKeyIssuer(string multibase, Func<byte[], byte[]> sign, IDisposable key, bool ecdsa)
    {
        Did = "did:key:" + multibase;
        KeyId = Did + "#" + multibase;
        this.sign = sign;
        this.key = key;
        IsEcdsa = ecdsa;
    }

    public string Did { get; }

    public string KeyId { get; }

    public bool IsEcdsa { get; }

    /// <summary>Multicodec ed25519-pub (0xed, varint 0xed 0x01) + the raw 32-byte key, multibase base58btc.</summary>
    public static DidKeyIssuer Ed25519()
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        var multibase = "z" + Base58.Bitcoin.Encode([0xed, 0x01, .. key.PublicKey.Export(KeyBlobFormat.RawPublicKey)]);
        return new DidKeyIssuer(multibase, data => SignatureAlgorithm.Ed25519.Sign(key, data), key, ecdsa: false);
    }

    /// <summary>Multicodec p256-pub (0x1200, varint 0x80 0x24) + the compressed point (SEC 1 §2.3.3), multibase base58btc.</summary>
    public static DidKeyIssuer P256()
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var q = ecdsa.ExportParameters(false).Q;
        byte[] compressed = [(byte)((q.Y![^1] & 1) == 0 ? 0x02 : 0x03), .. q.X!];
        var multibase = "z" + Base58.Bitcoin.Encode([0x80, 0x24, .. compressed]);
        return new DidKeyIssuer(multibase, data => ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), ecdsa, ecdsa: true);
    }

    /// <summary>
    /// The document with a proof added: <c>DataIntegrityProof</c> with <paramref name="cryptosuite"/> (default
    /// eddsa-rdfc-2022, or ecdsa-rdfc-2019 for a P-256 key), or the legacy <c>Ed25519Signature2020</c> proof type.
    /// </summary>
    public async Task<JsonObject> SignAsync(JsonObject document, JsonLdProcessor processor, string? cryptosuite = null, string created = "2026-01-01T00:00:00Z")
    {
        var unsecured = document.DeepClone().AsObject();
        unsecured.Remove("proof");
        var proof = new JsonObject();
        if (cryptosuite == "Ed25519Signature2020")
        {
            proof["type"] = "Ed25519Signature2020";
        }
        else
        {
            proof["type"] = "DataIntegrityProof";
            proof["cryptosuite"] = cryptosuite ?? (IsEcdsa ? "ecdsa-rdfc-2019" : "eddsa-rdfc-2022");
        }

        proof["created"] = created;
        proof["verificationMethod"] = KeyId;
        proof["proofPurpose"] = "assertionMethod";
        var config = proof.DeepClone().AsObject();
        config["@context"] = unsecured["@context"]?.DeepClone();
        byte[] hashData = [.. await HashAsync(config, processor), .. await HashAsync(unsecured, processor)];
        proof["proofValue"] = "z" + Base58.Bitcoin.Encode(sign(hashData));
        var signed = document.DeepClone().AsObject();
        signed["proof"] = proof;
        return signed;
    }

    /// <summary>The canonical N-Quads (RDFC-1.0) of a document as the suites compute them: safe mode, no audit.</summary>
    public static async Task<string> CanonicalAsync(JsonObject document, JsonLdProcessor processor)
    {
        using var doc = JsonDocument.Parse(document.ToJsonString());
        var dataset = await processor.ToRdfAsync(doc.RootElement, Safe);
        return Rdfc10.Canonicalize(dataset).NQuads!;
    }

    public void Dispose() => key.Dispose();

    private static async Task<byte[]> HashAsync(JsonObject document, JsonLdProcessor processor) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(await CanonicalAsync(document, processor)));
}
