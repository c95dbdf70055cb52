using System.Security.Cryptography;
using Verifier.Core.Crypto;
using Verifier.Core.Keys;
using Verifier.LinkedData.Jcs;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// vc-di-eddsa §3.4 <c>eddsa-jcs-2022</c>: the document and the proof configuration are canonicalized with JCS
/// (RFC 8785) instead of RDFC, so no JSON-LD processing is involved; hashData = SHA-256(proof configuration) ‖
/// SHA-256(document), signed with Ed25519.
/// </summary>
internal sealed class EddsaJcs2022Suite : IDataIntegritySuite
{
    public const string Name = "eddsa-jcs-2022";

    public bool Accepts(ProofDescriptor proof) => proof.Type == "DataIntegrityProof" && proof.Cryptosuite == Name;

    public bool AcceptsKey(KeyKind kind) => kind == KeyKind.Ed25519;

    public ValueTask<SuiteVerification> VerifyAsync(SuiteInput input, CancellationToken cancellationToken)
    {
        var proofConfig = ProofDocuments.ProofConfig(input.SecuredDocument, input.Proof.Raw, out var configError);
        if (proofConfig is null)
        {
            return ValueTask.FromResult(SuiteVerification.Invalid(configError!));
        }

        if (ProofDocuments.Unsecured(input.SecuredDocument, input.Proof.Raw, out var chainError) is not { } unsecured)
        {
            return ValueTask.FromResult(SuiteVerification.Invalid(chainError!));
        }

        if ((DuplicateMembers.FirstPath(unsecured) ?? DuplicateMembers.FirstPath(proofConfig.Value)) is { } duplicate)
        {
            return ValueTask.FromResult(SuiteVerification.Invalid($"the credential names the member {duplicate} more than once: JCS signs I-JSON, where names are unique, and a JSON reader would see only one of the values"));
        }

        string canonicalConfig, canonicalDocument;
        try
        {
            canonicalConfig = JsonCanonicalizer.Canonicalize(proofConfig.Value);
            canonicalDocument = JsonCanonicalizer.Canonicalize(unsecured);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            // JCS refuses what I-JSON forbids (lone surrogates, numbers beyond IEEE 754, excessive depth).
            return ValueTask.FromResult(SuiteVerification.Invalid($"the credential cannot be canonicalized with JCS: {e.Message}"));
        }

        var configHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonicalConfig));
        var documentHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonicalDocument));
        byte[] hashData = [.. configHash, .. documentHash];
        var details = input.Verbose
            ? new Dictionary<string, string>
            {
                ["proofConfiguration"] = proofConfig.Value.GetRawText(),
                ["canonicalProofConfiguration"] = canonicalConfig,
                ["proofConfigurationHash"] = Convert.ToHexStringLower(configHash),
                ["canonicalDocument"] = canonicalDocument,
                ["documentHash"] = Convert.ToHexStringLower(documentHash),
                ["hashAlgorithm"] = "SHA256",
            }
            : null;
        return ValueTask.FromResult(Ed25519Verifier.Verify(input.Key.PublicKeyBytes, hashData, input.Signature)
            ? new SuiteVerification(true, "the signature verifies over the JCS-canonical credential and proof configuration", Details: details)
            : SuiteVerification.Invalid("the signature does not verify: the credential or its proof was changed after signing, or another key signed it", details));
    }
}
