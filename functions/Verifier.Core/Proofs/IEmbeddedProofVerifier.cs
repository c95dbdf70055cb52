using System.Text.Json;
using Verifier.Core.Engine;

namespace Verifier.Core.Proofs;

/// <summary>
/// Verifies the embedded Data Integrity proofs (<c>proof</c>) of a credential: every proof is reported as its own
/// check; one valid proof by a key bound to the issuer suffices.
/// </summary>
internal interface IEmbeddedProofVerifier
{
    Task<EmbeddedProofOutcome> VerifyAsync(JsonElement credential, string? issuerId, VerificationContext context, CancellationToken cancellationToken);
}

/// <param name="AnyValid">At least one proof verified.</param>
/// <param name="VerificationMethod">The verification method of the proof that verified.</param>
/// <param name="Cryptosuite">Its cryptosuite (or legacy proof type).</param>
/// <param name="IssuerKeyBound">Whether that key is provably the issuer's.</param>
internal sealed record EmbeddedProofOutcome(bool AnyValid, string? VerificationMethod, string? Cryptosuite, bool? IssuerKeyBound)
{
    /// <summary>How the chosen proof's key is tied to the issuer (null without an issuer to compare with).</summary>
    public Trust.IssuerBindingResult? Binding { get; init; }
}
