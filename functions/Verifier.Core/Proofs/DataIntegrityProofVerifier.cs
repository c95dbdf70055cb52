using System.Text.Json;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Keys;
using Verifier.Core.Proofs.Suites;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.Proofs;

/// <summary>
/// Verifies the embedded Data Integrity proofs of a credential (VC Data Integrity §4.2). Each proof is its own
/// <c>proof.dataIntegrity</c> check. A proof set is valid when one proof verifies — preferring one whose key is the
/// issuer's; the other proofs are then reported as warnings, not failures (§2.1.2 proof sets: each proof stands alone).
/// </summary>
internal sealed class DataIntegrityProofVerifier : IEmbeddedProofVerifier
{
    private readonly ProofEvaluator _evaluator;
    private readonly DataIntegrityOptions _options;
    private readonly ILinkedDataConverter _converter;

    public DataIntegrityProofVerifier(IKeyResolver keys, IssuerKeyBinder binder, ILinkedDataConverter converter, IOptions<DataIntegrityOptions>? options = null)
    {
        _options = options?.Value ?? new DataIntegrityOptions();
        _converter = converter;
        _evaluator = new ProofEvaluator(keys, binder, [new EddsaRdfc2022Suite(converter, _options), new Ed25519Signature2018Suite(converter, _options), new JsonWebSignature2020Suite(converter, _options), new EcdsaSecp256k1Signature2019Suite(converter, _options), new EddsaJcs2022Suite(), new EcdsaJcs2019Suite(), new EcdsaRdfc2019Suite(converter, _options)]);
    }

    public async Task<EmbeddedProofOutcome> VerifyAsync(JsonElement credential, string? issuerId, VerificationContext context, CancellationToken cancellationToken)
    {
        var proofs = ReadProofs(credential);
        if (proofs.Count == 0)
        {
            context.Checks.Fail(ProofCheckIds.Present, "the credential has no embedded proof (no 'proof' object)");
            return new EmbeddedProofOutcome(false, null, null, null);
        }

        if (proofs.Count > _options.MaxProofs)
        {
            context.Checks.Fail(ProofCheckIds.Present, $"the credential carries {proofs.Count} proofs; at most {_options.MaxProofs} are verified");
            return new EmbeddedProofOutcome(false, null, null, null);
        }

        context.Checks.Pass(ProofCheckIds.Present, proofs.Count == 1 ? "the credential has an embedded proof" : $"the credential has {proofs.Count} embedded proofs");
        var verdicts = new List<ProofVerdict>(proofs.Count);
        // Shared only where there is something to share: a single proof would pay for the text key and gain nothing.
        var canonical = proofs.Count > 1 ? new CanonicalForms() : null;
        foreach (var proof in proofs)
        {
            verdicts.Add(await _evaluator.EvaluateAsync(credential, proof, issuerId, context, cancellationToken, canonical).ConfigureAwait(false));
        }

        // The issuer's own proof first; then one that at least does not contradict the issuer; then any valid one.
        var chosen = verdicts.Find(v => v.Status == ProofStatus.Valid && v.Binding?.Level is null or BindingLevel.Document)
            ?? verdicts.Find(v => v.Status == ProofStatus.Valid && v.Binding?.Level is BindingLevel.Origin)
            ?? verdicts.Find(v => v.Status == ProofStatus.Valid && v.Binding?.Level is not BindingLevel.Contradiction)
            ?? verdicts.Find(v => v.Status == ProofStatus.Valid);
        for (var i = 0; i < verdicts.Count; i++)
        {
            if (chosen is not null && verdicts[i].Status == ProofStatus.Invalid)
            {
                verdicts[i] = await MalformedAsync(credential, verdicts[i], cancellationToken).ConfigureAwait(false) ?? verdicts[i];
            }

            Report(verdicts[i], anyValid: chosen is not null, context);
        }

        if (chosen is null)
        {
            return new EmbeddedProofOutcome(false, null, null, null);
        }

        // Same check and policy as VC-JWT: unproven bindings warn (fail when strict), contradictions fail.
        var bound = chosen.Binding is null ? (bool?)null : IssuerBinding.Report(chosen.Binding, context, OpenBadges3.Ob3CheckIds.IssuerKey, chosen.Proof.Subject);
        return new EmbeddedProofOutcome(true, chosen.Proof.VerificationMethod, chosen.Proof.SuiteName, bound) { Binding = chosen.Binding };
    }

    /// <summary>
    /// A proof that did not verify is only a warning beside a valid one if it is at least well-formed: a proof the
    /// credential's own contexts cannot express (an undefined proof type or term) makes the credential's JSON-LD
    /// invalid as a whole — safe mode for the secured document, not only for what was signed.
    /// </summary>
    private async Task<ProofVerdict?> MalformedAsync(JsonElement credential, ProofVerdict verdict, CancellationToken cancellationToken)
    {
        var asConfigured = ProofDocuments.ProofConfig(credential, verdict.Proof.Raw, out _);
        if (asConfigured is null)
        {
            return null;
        }

        var rdf = await _converter.ToRdfAsync(asConfigured.Value, cancellationToken).ConfigureAwait(false);
        return rdf.Dataset is null && !rdf.Indeterminate
            ? verdict with { Status = ProofStatus.Malformed, Message = $"the proof is not valid JSON-LD under the credential's contexts: {rdf.Error}" }
            : null;
    }

    private static void Report(ProofVerdict verdict, bool anyValid, VerificationContext context)
    {
        var proof = verdict.Proof;
        var (outcome, indeterminate) = verdict.Status switch
        {
            ProofStatus.Valid => (CheckOutcome.Passed, false),
            ProofStatus.Malformed => (CheckOutcome.Failed, false),

            // Another proof already carries the credential: this one is reported, not held against it.
            _ when anyValid => (CheckOutcome.Warning, false),
            ProofStatus.Indeterminate => (CheckOutcome.Failed, true),
            _ => (CheckOutcome.Failed, false),
        };
        var message = outcome == CheckOutcome.Warning ? $"this proof did not verify, another did: {verdict.Message}" : verdict.Message;
        var details = context.Request.Verbose ? verdict.Details ?? new Dictionary<string, string> { ["proof"] = proof.Raw.GetRawText() } : null;
        context.Checks.Add(new CheckResult(ProofCheckIds.DataIntegrity, outcome, message, proof.Subject) { Indeterminate = indeterminate, Details = details });
        if (verdict.NonCanonical is { Count: > 0 } violations)
        {
            // Its own id, so a report says plainly: signed by the key, but not in the form the checks can trust.
            var all = context.Request.Verbose ? new Dictionary<string, string> { ["violations"] = string.Join("\n", violations) } : null;
            context.Checks.Add(new CheckResult(ProofCheckIds.CanonicalForm, outcome, message, proof.Subject) { Details = all });
        }

        if (proof.Type == "DataIntegrityProof" && proof.Cryptosuite == EddsaRdfc2022Suite.LegacyName)
        {
            context.Checks.Warn(ProofCheckIds.LegacySuiteName, "cryptosuite 'eddsa-2022' is the pre-standard name of 'eddsa-rdfc-2022'; verified as such", proof.Subject);
        }
    }

    /// <summary>The proof member: one object or a proof set (an array of objects).</summary>
    private static List<ProofDescriptor> ReadProofs(JsonElement credential)
    {
        var proofs = new List<ProofDescriptor>();
        if (credential.ValueKind != JsonValueKind.Object || !credential.TryGetProperty("proof", out var proof))
        {
            return proofs;
        }

        if (proof.ValueKind == JsonValueKind.Object)
        {
            proofs.Add(ProofDescriptor.Read(0, proof));
        }
        else if (proof.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in proof.EnumerateArray())
            {
                proofs.Add(ProofDescriptor.Read(proofs.Count, item));
            }
        }

        return proofs;
    }
}
