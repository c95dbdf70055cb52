using System.Security.Cryptography;
using Verifier.Core.Keys;
using Verifier.LinkedData.Jcs;

namespace Verifier.Core.Proofs.Suites;

/// <summary>The JCS transformation shared by the *-jcs-* cryptosuites: no JSON-LD, I-JSON only, then the suite's hash and signature.</summary>
internal abstract class JcsSuiteBase : IDataIntegritySuite
{
    public abstract bool Accepts(ProofDescriptor proof);

    public abstract bool AcceptsKey(KeyKind kind);

    protected virtual HashAlgorithmName HashFor(KeyKind kind) => HashAlgorithmName.SHA256;

    protected abstract bool VerifySignature(ResolvedKey key, byte[] hashData, byte[] signature);

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

        var hash = HashFor(input.Key.Kind);
        var configHash = Digest(hash, canonicalConfig);
        var documentHash = Digest(hash, canonicalDocument);
        byte[] hashData = [.. configHash, .. documentHash];
        var details = input.Verbose
            ? new Dictionary<string, string>
            {
                ["proofConfiguration"] = proofConfig.Value.GetRawText(),
                ["canonicalProofConfiguration"] = canonicalConfig,
                ["proofConfigurationHash"] = Convert.ToHexStringLower(configHash),
                ["canonicalDocument"] = canonicalDocument,
                ["documentHash"] = Convert.ToHexStringLower(documentHash),
                ["hashAlgorithm"] = hash.Name!,
            }
            : null;
        return ValueTask.FromResult(VerifySignature(input.Key, hashData, input.Signature)
            ? new SuiteVerification(true, "the signature verifies over the JCS-canonical credential and proof configuration", Details: details)
            : SuiteVerification.Invalid("the signature does not verify: the credential or its proof was changed after signing, or another key signed it", details));
    }

    private static byte[] Digest(HashAlgorithmName hash, string canonical)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(canonical);
        return hash == HashAlgorithmName.SHA384 ? SHA384.HashData(bytes) : SHA256.HashData(bytes);
    }
}
