using Verifier.Core.Tests.Proofs;
using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.Jcs;
using Verifier.LinkedData.JsonLd;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Data Integrity proofs made the way an issuer makes them. eddsa-jcs-2022 needs no JSON-LD (so those tests run
/// everywhere); eddsa-rdfc-2022 goes through <see cref="ProofSigner"/> with the repository's own pinned contexts (contexts/),
/// so these tests run on a clean clone too.
/// </summary>
internal static class DiSign
{
    private static readonly Lazy<ILinkedDataConverter> Rdf = new(() =>
        new JsonLdLinkedDataConverter(new JsonLdProcessor(new PinnedContextLoader(FolderContextLoader.Open(ProjectContexts.Folder), PinnedContexts.Default))));

    /// <summary>vc-di-eddsa §3.4: hashData = SHA-256(JCS(proof configuration)) ‖ SHA-256(JCS(document)), signed with Ed25519.</summary>
    public static JsonObject Jcs(JsonObject credential, TestKey key, string verificationMethod, string created = "2026-01-01T00:00:00Z", string proofPurpose = "assertionMethod", string cryptosuite = "eddsa-jcs-2022", HashAlgorithmName? hash = null)
    {
        var proof = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = cryptosuite,
            ["created"] = created,
            ["verificationMethod"] = verificationMethod,
            ["proofPurpose"] = proofPurpose,
        };
        var config = (JsonObject)proof.DeepClone();
        if (credential["@context"] is { } context)
        {
            config["@context"] = context.DeepClone();
        }

        var unsecured = (JsonObject)credential.DeepClone();
        unsecured.Remove("proof");
        // ecdsa-jcs-2019 hashes with the curve's hash (SHA-384 for P-384); eddsa-jcs-2022 with SHA-256.
        var h = hash ?? (key.Alg == "ES384" ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256);
        byte[] hashData = [.. Hash(config, h), .. Hash(unsecured, h)];
        proof["proofValue"] = TestKeys.Multibase(key.Sign(hashData));
        var signed = (JsonObject)credential.DeepClone();
        signed["proof"] = proof;
        return signed;
    }

    /// <summary>eddsa-rdfc-2022 over the credential's RDF meaning (with the repository's pinned contexts).</summary>
    public static Task<JsonObject> RdfcAsync(JsonObject credential, TestKey key, string verificationMethod) =>
        ProofSigner.SignAsync(credential, new TestSigner(verificationMethod, KeyKind.Ed25519, key.Sign), Rdf.Value);

    /// <summary>
    /// A legacy Ed25519Signature2020 proof; with <paramref name="proofContext"/> the suite context sits on the proof, as
    /// didkit (ssi) issued them (ProofSigner signs the options with the proof's contexts, then the credential's).
    /// </summary>
    public static Task<JsonObject> Ed25519Signature2020Async(JsonObject credential, TestKey key, string verificationMethod, JsonArray? proofContext = null) =>
        ProofSigner.SignAsync(credential, new TestSigner(verificationMethod, KeyKind.Ed25519, key.Sign), Rdf.Value,
            type: "Ed25519Signature2020", proofContext: proofContext);

    /// <summary>The header Ed25519Signature2018 proofs carry (jsonld-signatures' JwsLinkedDataSignature).</summary>
    public const string Ed25519Signature2018Header = "{\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"]}";

    /// <summary>A legacy Ed25519Signature2018 proof: RDFC hashes as for 2020, the signature as a detached JWS.</summary>
    public static Task<JsonObject> Ed25519Signature2018Async(JsonObject credential, TestKey key, string verificationMethod, string header = Ed25519Signature2018Header) =>
        ProofSigner.SignAsync(credential, new TestSigner(verificationMethod, KeyKind.Ed25519, key.Sign), Rdf.Value,
            type: "Ed25519Signature2018", jwsHeader: header);

    /// <summary>A JsonWebSignature2020 proof: the same detached-JWS construction, with the key's own algorithm.</summary>
    public static Task<JsonObject> JsonWebSignature2020Async(JsonObject credential, TestKey key, string verificationMethod, string? header = null) =>
        DetachedJwsAsync("JsonWebSignature2020", credential, key, verificationMethod, header);

    /// <summary>An EcdsaSecp256k1Signature2019 proof: the same detached-JWS construction, ES256K.</summary>
    public static Task<JsonObject> EcdsaSecp256k1Signature2019Async(JsonObject credential, TestKey key, string verificationMethod, string? header = null) =>
        DetachedJwsAsync("EcdsaSecp256k1Signature2019", credential, key, verificationMethod, header);

    private static Task<JsonObject> DetachedJwsAsync(string type, JsonObject credential, TestKey key, string verificationMethod, string? header) =>
        ProofSigner.SignAsync(credential, new TestSigner(verificationMethod, KindOf(key), key.Sign), Rdf.Value,
            type: type, jwsHeader: header ?? $"{{\"alg\":\"{key.Alg}\",\"b64\":false,\"crit\":[\"b64\"]}}");

    private static KeyKind KindOf(TestKey key) => key.Alg switch
    {
        "ES256" => KeyKind.EcP256,
        "ES384" => KeyKind.EcP384,
        "ES256K" => KeyKind.EcSecp256k1,
        _ => KeyKind.Ed25519,
    };

    /// <summary>The pinned-context folder for engines that must expand JSON-LD: the repository's own contexts/.</summary>
    public static string ContextsFolder() => ProjectContexts.Folder;

    private static byte[] Hash(JsonObject json, HashAlgorithmName hash)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonCanonicalizer.Canonicalize(ProofSigner.ToElement(json)));
        return hash == HashAlgorithmName.SHA384 ? SHA384.HashData(bytes) : SHA256.HashData(bytes);
    }
}
