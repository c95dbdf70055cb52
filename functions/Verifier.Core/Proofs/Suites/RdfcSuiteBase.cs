using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Verifier.Core.Keys;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// The shared shape of the RDFC-based suites (eddsa-rdfc-2022 §3.3, Ed25519Signature2020, ecdsa-rdfc-2019 §3.3):
/// JSON-LD → RDF → RDFC-1.0 for the document and the proof configuration, hash each, hashData = proofConfigHash ‖
/// documentHash, then the suite's signature check over hashData — and the plain-compacted-form audit of both
/// documents in the same expansion (rule 5: the checks read what the proof signs).
/// </summary>
internal abstract class RdfcSuiteBase(ILinkedDataConverter converter, DataIntegrityOptions options) : IDataIntegritySuite
{
    public abstract bool Accepts(ProofDescriptor proof);

    public abstract bool AcceptsKey(KeyKind kind);

    /// <summary>Whether a proof's own @context is read with the proof options (legacy suites) rather than required to be a prefix of the document's.</summary>
    protected virtual bool KeepsProofContext(ProofDescriptor proof) => false;

    /// <summary>Whether the proof carries its signature as a detached <c>jws</c> (left out of the proof options, as proofValue is).</summary>
    protected virtual bool SignsWithJws => false;

    /// <summary>The bytes the signature is over: hashData itself, unless the suite wraps it (a detached JWS).</summary>
    protected virtual byte[] SigningInput(ProofDescriptor proof, byte[] hashData) => hashData;

    public async ValueTask<SuiteVerification> VerifyAsync(SuiteInput input, CancellationToken cancellationToken)
    {
        var proofConfig = ProofDocuments.ProofConfig(input.SecuredDocument, input.Proof.Raw, KeepsProofContext(input.Proof), SignsWithJws, out var configError);
        if (proofConfig is null)
        {
            return SuiteVerification.Invalid(configError!);
        }

        var hash = HashFor(input.Key.Kind);
        var config = await CanonicalHashAsync(proofConfig.Value, hash, "proof configuration", cancellationToken).ConfigureAwait(false);
        if (config.Failure is not null)
        {
            return config.Failure;
        }

        if (ProofDocuments.Unsecured(input.SecuredDocument, input.Proof.Raw, out var chainError) is not { } unsecured)
        {
            return SuiteVerification.Invalid(chainError!);
        }

        var document = await CanonicalHashAsync(unsecured, hash, "credential", cancellationToken, input.Canonical).ConfigureAwait(false);
        if (document.Failure is not null)
        {
            return document.Failure;
        }

        var hashData = new byte[config.Hash!.Length + document.Hash!.Length];
        config.Hash.CopyTo(hashData, 0);
        document.Hash.CopyTo(hashData, config.Hash.Length);
        var valid = VerifySignature(input.Proof, input.Key, SigningInput(input.Proof, hashData), input.Signature);
        var (violations, total, what) = PlainForm.Collect(config.PlainForm, document.PlainForm);
        var details = input.Verbose
            ? new Dictionary<string, string>
            {
                ["proofConfiguration"] = proofConfig.Value.GetRawText(),
                ["canonicalProofConfiguration"] = config.NQuads!,
                ["proofConfigurationHash"] = Convert.ToHexStringLower(config.Hash),
                ["canonicalDocument"] = document.NQuads!,
                ["documentHash"] = Convert.ToHexStringLower(document.Hash),
                ["hashAlgorithm"] = hash.Name!,
            }
            : null;
        if (!valid)
        {
            return SuiteVerification.Invalid("the signature does not verify: the credential or its proof was changed after signing, or another key signed it", details);
        }

        // Judged after the signature, so this failure always means: genuinely signed, but rewritten (or signed in a
        // form whose JSON the checks cannot trust). The graph is signed; the JSON is what every later check reads.
        return violations.Count == 0
            ? new SuiteVerification(true, "the signature verifies over the canonical credential and proof configuration", Details: details)
            : SuiteVerification.Invalid(PlainForm.Describe(what, violations, total), details) with { NonCanonical = violations };
    }

    /// <summary>The hash over canonical forms: SHA-256, or SHA-384 for P-384 keys (vc-di-ecdsa §3.3.4).</summary>
    protected virtual HashAlgorithmName HashFor(KeyKind kind) => HashAlgorithmName.SHA256;

    protected abstract bool VerifySignature(ProofDescriptor proof, ResolvedKey key, byte[] data, byte[] signature);

    private async ValueTask<CanonicalHash> CanonicalHashAsync(
        JsonElement json, HashAlgorithmName hash, string what, CancellationToken cancellationToken, CanonicalForms? shared = null)
    {
        // Same text, same hash, same converter and bounds: the same answer, so the proofs of one set share it.
        var text = shared is null ? null : json.GetRawText();
        if (text is not null && shared!.TryGet(text, hash, out var known))
        {
            return known;
        }

        var computed = await CanonicalHashUnsharedAsync(json, hash, what, cancellationToken).ConfigureAwait(false);
        if (text is not null)
        {
            shared!.Set(text, hash, computed);
        }

        return computed;
    }

    private async ValueTask<CanonicalHash> CanonicalHashUnsharedAsync(
        JsonElement json, HashAlgorithmName hash, string what, CancellationToken cancellationToken)
    {
        // The expansion the suite needs anyway also audits the plain form: no second pass over the document.
        var rdf = await converter.ToRdfAuditedAsync(json, cancellationToken).ConfigureAwait(false);
        if (rdf.Dataset is null)
        {
            return new CanonicalHash(null, null, new SuiteVerification(false, $"the {what} is not valid JSON-LD for signing: {rdf.Error}", rdf.Indeterminate), null);
        }

        if (rdf.PlainForm is null)
        {
            // Fail closed: a converter that did not audit cannot say the JSON is what was signed.
            return new CanonicalHash(null, null, SuiteVerification.Invalid($"the {what} was converted without the plain-form audit"), null);
        }

        var canonical = Rdfc10.Canonicalize(rdf.Dataset, new Rdfc10Options { MaxWork = options.MaxCanonicalizationWork }, cancellationToken);
        if (!canonical.Succeeded)
        {
            return new CanonicalHash(null, null, SuiteVerification.Invalid($"the {what} cannot be canonicalized: {canonical.Error}"), null);
        }

        var bytes = Encoding.UTF8.GetBytes(canonical.NQuads!);
        var digest = hash == HashAlgorithmName.SHA384 ? SHA384.HashData(bytes) : SHA256.HashData(bytes);
        return new CanonicalHash(canonical.NQuads, digest, null, rdf.PlainForm);
    }
}
