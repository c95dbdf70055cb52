using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Core.Tests.Proofs;

/// <summary>
/// Creates Data Integrity proofs the way an issuer does (VC Data Integrity §4.1 Add Proof with the RDFC suites), so
/// tests sign their own credentials. Independent of the verifier's code paths except the shared RDFC library, which
/// the W3C suites check separately.
/// </summary>
internal static class ProofSigner
{
    public static async Task<JsonObject> SignAsync(
        JsonObject credential,
        TestSigner signer,
        ILinkedDataConverter converter,
        string cryptosuite = "eddsa-rdfc-2022",
        string type = "DataIntegrityProof",
        string proofPurpose = "assertionMethod",
        string created = "2026-01-01T00:00:00Z",
        JsonArray? proofContext = null,
        string? jwsHeader = null)
    {
        var unsecured = credential.DeepClone().AsObject();
        unsecured.Remove("proof");
        var proof = new JsonObject { ["type"] = type };
        if (type == "DataIntegrityProof")
        {
            proof["cryptosuite"] = cryptosuite;
        }

        proof["created"] = created;
        proof["verificationMethod"] = signer.Id;
        proof["proofPurpose"] = proofPurpose;
        var config = proof.DeepClone().AsObject();
        if (proofContext is not null)
        {
            // As didkit (ssi) signed Ed25519Signature2020: the suite context on the proof, and the proof options read
            // with the proof's own contexts followed by the credential's.
            proof["@context"] = proofContext.DeepClone();
            var merged = new JsonArray([.. proofContext.Select(c => c!.DeepClone())]);
            foreach (var c in unsecured["@context"] is JsonArray many ? [.. many] : new[] { unsecured["@context"] })
            {
                if (c is not null)
                {
                    merged.Add(c.DeepClone());
                }
            }

            config["@context"] = merged;
        }
        else if (unsecured["@context"] is { } context)
        {
            config["@context"] = context.DeepClone();
        }

        // ecdsa-rdfc-2019 hashes with SHA-384 for P-384 keys; the detached-JWS suites always hash with SHA-256 (the
        // JWS algorithm then hashes the signing input itself).
        var hash = signer.Kind == KeyKind.EcP384 && jwsHeader is null ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;
        byte[] hashData = [.. await HashAsync(config, converter, hash), .. await HashAsync(unsecured, converter, hash)];
        if (jwsHeader is not null)
        {
            // Ed25519Signature2018: a detached JWS with an unencoded payload (RFC 7797), signed over
            // ASCII(base64url(header) + ".") followed by hashData.
            var header = Base64UrlEncoder.Encode(jwsHeader);
            byte[] input = [.. Encoding.ASCII.GetBytes(header + "."), .. hashData];
            proof["jws"] = header + ".." + Base64UrlEncoder.Encode(signer.Sign(input));
        }
        else
        {
            proof["proofValue"] = TestKeys.Multibase(signer.Sign(hashData));
        }

        var signed = credential.DeepClone().AsObject();
        switch (signed["proof"])
        {
            case null:
                signed["proof"] = proof;
                break;
            case JsonArray set:
                set.Add(proof);
                break;
            case JsonNode single:
                signed["proof"] = new JsonArray(single.DeepClone(), proof);
                break;
        }

        return signed;
    }

    public static JsonElement ToElement(JsonNode node) => JsonSerializer.SerializeToElement(node);

    private static async Task<byte[]> HashAsync(JsonObject json, ILinkedDataConverter converter, HashAlgorithmName hash)
    {
        var rdf = await converter.ToRdfAsync(ToElement(json), CancellationToken.None);
        var canonical = Encoding.UTF8.GetBytes(Rdfc10.Canonicalize(rdf.Dataset!).NQuads!);
        return hash == HashAlgorithmName.SHA384 ? SHA384.HashData(canonical) : SHA256.HashData(canonical);
    }
}
