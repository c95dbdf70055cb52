using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Verifier.Core.Crypto;
using Verifier.Core.Keys;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// The Linked Data proofs that carry their signature as a detached JWS with an unencoded payload (RFC 7797), as
/// jsonld-signatures' JwsLinkedDataSignature makes them (Ed25519Signature2018, JsonWebSignature2020,
/// EcdsaSecp256k1Signature2019): the same RDFC-1.0
/// hashing as Ed25519Signature2020 (hashData = SHA-256(proof options) ‖ SHA-256(document)), signed over
/// ASCII(base64url(header) + ".") ‖ hashData. Written here because no served .NET library verifies Linked Data
/// proofs, and IdentityModel does not take b64=false payloads. The header is held to exactly what these suites
/// produce — {"alg": …, "b64": false, "crit": ["b64"]} with an alg the suite allows and the key's kind fixes —
/// so another algorithm or an extra parameter (a kid or jwk naming some other key) is refused, never interpreted.
/// </summary>
internal abstract class DetachedJwsSuite(ILinkedDataConverter converter, DataIntegrityOptions options) : RdfcSuiteBase(converter, options), IDataIntegritySuite
{
    /// <summary>The JOSE algorithm a key of this kind signs with in this suite, or null when the suite refuses the kind.</summary>
    protected abstract string? AlgorithmFor(KeyKind kind);

    public override bool AcceptsKey(KeyKind kind) => AlgorithmFor(kind) is not null;

    /// <summary>Proofs of this generation may carry the suite context themselves (ProofDocuments.ProofConfig).</summary>
    protected override bool KeepsProofContext(ProofDescriptor proof) => true;

    protected override bool SignsWithJws => true;

    (byte[]? Signature, string? Error) IDataIntegritySuite.ReadSignature(ProofDescriptor proof)
    {
        if (proof.Jws is not { } jws)
        {
            return (null, $"a {proof.Type} proof carries its signature in jws, which is missing");
        }

        var parts = jws.Split('.');
        if (parts.Length != 3 || parts[1].Length != 0 || HeaderAlgorithm(parts[0]) is not { } alg || !IsAllowed(alg))
        {
            return (null, "jws must be a detached JWS (header..signature) whose header is exactly {\"alg\": …, \"b64\": false, \"crit\": [\"b64\"]} with an algorithm of the suite");
        }

        var signature = Decode(parts[2]);
        return signature is { Length: 64 or 96 } ? (signature, null) : (null, "the jws signature is not base64url of a raw signature of the suite's algorithms");
    }

    protected override byte[] SigningInput(ProofDescriptor proof, byte[] hashData)
    {
        // ReadSignature accepted the header, so the first segment is plain base64url (ASCII).
        var header = EncodedHeader(proof);
        var input = new byte[header.Length + 1 + hashData.Length];
        Encoding.ASCII.GetBytes(header, input);
        input[header.Length] = (byte)'.';
        hashData.CopyTo(input, header.Length + 1);
        return input;
    }

    protected override bool VerifySignature(ProofDescriptor proof, ResolvedKey key, byte[] data, byte[] signature)
    {
        // The key's kind fixes the algorithm: a header naming another one is refused (no algorithm substitution).
        if (HeaderAlgorithm(EncodedHeader(proof)) is not { } alg || alg != AlgorithmFor(key.Kind))
        {
            return false;
        }

        return alg == "EdDSA" ? Ed25519Verifier.Verify(key.PublicKeyBytes, data, signature) : EcdsaP1363.Verify(key, data, signature);
    }

    /// <summary>The jws's first segment; only called once ReadSignature has accepted the jws.</summary>
    private static string EncodedHeader(ProofDescriptor proof)
    {
        var jws = proof.Jws!;
        return jws[..jws.IndexOf('.', StringComparison.Ordinal)];
    }

    private bool IsAllowed(string alg) => Enum.GetValues<KeyKind>().Any(kind => AlgorithmFor(kind) == alg);

    /// <summary>The header's alg when the header is exactly {alg, b64: false, crit: ["b64"]}; otherwise null.</summary>
    private static string? HeaderAlgorithm(string encoded)
    {
        if (Decode(encoded) is not { } bytes)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
            var root = header.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 3
                || !root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("b64", out var b64) || b64.ValueKind != JsonValueKind.False
                || !root.TryGetProperty("crit", out var crit) || crit.ValueKind != JsonValueKind.Array || crit.GetArrayLength() != 1
                || crit[0].ValueKind != JsonValueKind.String || !crit[0].ValueEquals("b64"))
            {
                return null;
            }

            return alg.GetString();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[]? Decode(string segment)
    {
        if (segment.Length == 0 || segment.AsSpan().ContainsAny('=', '+', '/'))
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(segment);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
