using Verifier.Core.Crypto;
using Verifier.Core.Keys;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// vc-di-eddsa §3.3 <c>eddsa-rdfc-2022</c> (DataIntegrityProof), also under its pre-standard name <c>eddsa-2022</c>
/// (same algorithm; reported with a warning), and §4 legacy <c>Ed25519Signature2020</c> (same transformation and
/// hashing, identified by the proof type alone).
/// </summary>
internal sealed class EddsaRdfc2022Suite(ILinkedDataConverter converter, DataIntegrityOptions options) : RdfcSuiteBase(converter, options)
{
    public const string Name = "eddsa-rdfc-2022";
    public const string LegacyName = "eddsa-2022";
    public const string Ed25519Signature2020 = "Ed25519Signature2020";

    public override bool Accepts(ProofDescriptor proof) =>
        proof.Type == Ed25519Signature2020
        || (proof.Type == "DataIntegrityProof" && proof.Cryptosuite is Name or LegacyName);

    public override bool AcceptsKey(KeyKind kind) => kind == KeyKind.Ed25519;

    /// <summary>Ed25519Signature2020 proofs made by didkit carry the suite context on the proof (ProofDocuments.ProofConfig).</summary>
    protected override bool KeepsProofContext(ProofDescriptor proof) => proof.Type == Ed25519Signature2020;

    protected override bool VerifySignature(ProofDescriptor proof, ResolvedKey key, byte[] data, byte[] signature) =>
        Ed25519Verifier.Verify(key.PublicKeyBytes, data, signature);
}
