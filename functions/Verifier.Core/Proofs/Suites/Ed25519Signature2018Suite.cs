using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Verifier.Core.Crypto;
using Verifier.Core.Keys;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// The legacy <c>Ed25519Signature2018</c> proof (W3C CCG Ed25519 Signature 2018, as jsonld-signatures'
/// JwsLinkedDataSignature verifies it), still on badges of the 2022–2023 JFF / VC-EDU plugfests: the same RDFC-1.0
/// hashing as Ed25519Signature2020 (hashData = hash(proof options) ‖ hash(document)), signed as a detached JWS with
/// an unencoded payload (RFC 7797) — the signature is over ASCII(base64url(header) + ".") ‖ hashData. Written here
/// because no served .NET library verifies Linked Data proofs; IdentityModel does not take b64=false payloads.
/// The header is held to exactly what the suite produces ({"alg":"EdDSA","b64":false,"crit":["b64"]}): another alg
/// or an extra parameter (a kid or jwk naming some other key) is refused rather than interpreted.
/// </summary>
internal sealed class Ed25519Signature2018Suite(ILinkedDataConverter converter, DataIntegrityOptions options) : RdfcSuiteBase(converter, options), IDataIntegritySuite
{
    public const string Name = "Ed25519Signature2018";

    private const string Malformed = "jws must be a detached JWS (header..signature) whose header is exactly {\"alg\":\"EdDSA\",\"b64\":false,\"crit\":[\"b64\"]}";

    public override bool Accepts(ProofDescriptor proof) => proof.Type == Name;

    public override bool AcceptsKey(KeyKind kind) => kind == KeyKind.Ed25519;

    /// <summary>As for Ed25519Signature2020: proofs of that generation may carry the suite context themselves.</summary>
    protected override bool KeepsProofContext(ProofDescriptor proof) => true;

    protected override bool SignsWithJws => true;

    (byte[]? Signature, string? Error) IDataIntegritySuite.ReadSignature(ProofDescriptor proof)
    {
        if (proof.Jws is not { } jws)
        {
            return (null, "an Ed25519Signature2018 proof carries its signature in jws, which is missing");
        }

        var parts = jws.Split('.');
        if (parts.Length != 3 || parts[1].Length != 0 || !HeaderIsExact(parts[0]))
        {
            return (null, Malformed);
        }

        var signature = Decode(parts[2]);
        return signature is { Length: 64 } ? (signature, null) : (null, "the jws signature is not a base64url Ed25519 signature (64 bytes)");
    }

    protected override byte[] SigningInput(ProofDescriptor proof, byte[] hashData)
    {
        // ReadSignature accepted the header, so the first segment is plain base64url (ASCII).
        var jws = proof.Jws!;
        var header = jws[..jws.IndexOf('.', StringComparison.Ordinal)];
        var input = new byte[header.Length + 1 + hashData.Length];
        Encoding.ASCII.GetBytes(header, input);
        input[header.Length] = (byte)'.';
        hashData.CopyTo(input, header.Length + 1);
        return input;
    }

    protected override bool VerifySignature(ResolvedKey key, byte[] hashData, byte[] signature) =>
        Ed25519Verifier.Verify(key.PublicKeyBytes, hashData, signature);

    private static bool HeaderIsExact(string encoded)
    {
        if (Decode(encoded) is not { } bytes)
        {
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false });
            var root = header.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.EnumerateObject().Count() == 3
                && root.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String && alg.ValueEquals("EdDSA")
                && root.TryGetProperty("b64", out var b64) && b64.ValueKind == JsonValueKind.False
                && root.TryGetProperty("crit", out var crit) && crit.ValueKind == JsonValueKind.Array && crit.GetArrayLength() == 1
                && crit[0].ValueKind == JsonValueKind.String && crit[0].ValueEquals("b64");
        }
        catch (JsonException)
        {
            return false;
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
