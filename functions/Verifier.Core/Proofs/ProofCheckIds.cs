namespace Verifier.Core.Proofs;

/// <summary>Stable check ids of the embedded-proof verifier (documented in docs/checks/proofs.md).</summary>
internal static class ProofCheckIds
{
    /// <summary>The credential carries at least one embedded proof.</summary>
    public const string Present = "proof.present";

    /// <summary>One per proof: suite known, purpose, dates, key, canonicalization and signature.</summary>
    public const string DataIntegrity = "proof.dataIntegrity";

    /// <summary>
    /// An RDFC proof whose signature verifies over a document that is not in the plain compacted form of its own
    /// contexts: a JSON-LD-equivalent rewrite the checks could misread. Reported beside that proof's
    /// <see cref="DataIntegrity"/> check, with the same outcome.
    /// </summary>
    public const string CanonicalForm = "proof.canonicalForm";

    /// <summary>A proof uses a deprecated suite name (eddsa-2022): verified, with a warning.</summary>
    public const string LegacySuiteName = "proof.legacySuiteName";
}
