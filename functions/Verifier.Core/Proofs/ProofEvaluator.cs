using Verifier.Core.Engine;
using Verifier.Core.Keys;
using Verifier.Core.Proofs.Suites;
using Verifier.Core.Trust;

namespace Verifier.Core.Proofs;

/// <summary>
/// Judges one proof (VC Data Integrity §4.2 Verify Proof): suite, purpose, dates and proof value first (cheap), then
/// the verification method, then the suite's canonicalization and signature.
/// </summary>
internal sealed class ProofEvaluator(IKeyResolver keys, IssuerKeyBinder binder, IReadOnlyList<IDataIntegritySuite> suites)
{
    public const string AssertionMethod = "assertionMethod";

    public async Task<ProofVerdict> EvaluateAsync(
        System.Text.Json.JsonElement credential, ProofDescriptor proof, string? issuerId, VerificationContext context, CancellationToken cancellationToken, CanonicalForms? canonical = null)
    {
        var suite = suites.FirstOrDefault(s => s.Accepts(proof));
        if (suite is null)
        {
            return Invalid(proof, $"unknown or unsupported proof suite '{proof.SuiteName}'");
        }

        // Only assertionMethod proofs speak for an issuer asserting a credential (VC Data Model §4.12, OB 3.0 §8.3).
        if (proof.ProofPurpose != AssertionMethod)
        {
            return Invalid(proof, $"proofPurpose is '{proof.ProofPurpose ?? "(missing)"}', expected '{AssertionMethod}'");
        }

        var dateProblem = CheckDates(proof, context);
        if (dateProblem is not null)
        {
            return Invalid(proof, dateProblem);
        }

        var (signature, signatureError) = suite.ReadSignature(proof);
        if (signature is null)
        {
            return Invalid(proof, signatureError!);
        }

        if (string.IsNullOrEmpty(proof.VerificationMethod))
        {
            return Invalid(proof, "the proof names no verificationMethod");
        }

        var resolution = await keys.ResolveAsync(proof.VerificationMethod, cancellationToken).ConfigureAwait(false);
        if (resolution.Key is not { } key)
        {
            var why = $"verification method could not be used ({resolution.Status}): {resolution.Error}";
            return resolution.Status == KeyResolutionStatus.Unavailable
                ? new ProofVerdict(proof, ProofStatus.Indeterminate, why)
                : Invalid(proof, why);
        }

        if (!suite.AcceptsKey(key.Kind))
        {
            return Invalid(proof, $"a {key.Kind} key cannot make {proof.SuiteName} signatures");
        }

        if (key.ListedForAssertion == false)
        {
            return Invalid(proof, "the verification method is not listed under assertionMethod by its controller");
        }

        var result = await suite.VerifyAsync(new SuiteInput(credential, proof, signature, key, context.Request.Verbose, canonical), cancellationToken).ConfigureAwait(false);
        var status = result.Valid ? ProofStatus.Valid : result.Indeterminate ? ProofStatus.Indeterminate : ProofStatus.Invalid;
        // The binding costs a fetch of the issuer's document: only worth it for a proof that verified.
        var binding = issuerId is null || status != ProofStatus.Valid
            ? null
            : await binder.EvaluateAsync(issuerId, proof.VerificationMethod, key, null, cancellationToken).ConfigureAwait(false);
        return new ProofVerdict(proof, status, result.Message, key, binding, WithMethod(result.Details, proof))
        {
            NonCanonical = result.NonCanonical,
        };
    }

    /// <summary>created/expires (VC Data Integrity §2.1): a proof made in the future or already expired is refused.</summary>
    private static string? CheckDates(ProofDescriptor proof, VerificationContext context)
    {
        var skew = context.Options.ClockSkew;
        if (proof.Created is not null)
        {
            var created = Instants.ParseDateTimeStamp(proof.Created);
            if (created is null)
            {
                return $"created '{proof.Created}' is not an XML Schema dateTimeStamp";
            }

            if (created > context.Now + skew)
            {
                return $"the proof was created in the future ({proof.Created})";
            }
        }

        if (proof.Expires is not null)
        {
            var expires = Instants.ParseDateTimeStamp(proof.Expires);
            if (expires is null)
            {
                return $"expires '{proof.Expires}' is not an XML Schema dateTimeStamp";
            }

            if (expires < context.Now - skew)
            {
                return $"the proof expired at {proof.Expires}";
            }
        }

        return null;
    }

    private static Dictionary<string, string>? WithMethod(IReadOnlyDictionary<string, string>? details, ProofDescriptor proof)
    {
        if (details is null)
        {
            return null;
        }

        var copy = new Dictionary<string, string>(details) { ["verificationMethod"] = proof.VerificationMethod ?? string.Empty };
        return copy;
    }

    private static ProofVerdict Invalid(ProofDescriptor proof, string message) => new(proof, ProofStatus.Invalid, message);
}
