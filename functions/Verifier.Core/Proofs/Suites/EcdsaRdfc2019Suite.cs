using System.Security.Cryptography;
using Verifier.Core.Crypto;
using Verifier.Core.Keys;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// vc-di-ecdsa §3.3 <c>ecdsa-rdfc-2019</c>: P-256 with SHA-256 or P-384 with SHA-384; the proofValue is the raw
/// r‖s signature (IEEE P1363, 64 or 96 bytes) in multibase base58btc.
/// </summary>
internal sealed class EcdsaRdfc2019Suite(ILinkedDataConverter converter, DataIntegrityOptions options) : RdfcSuiteBase(converter, options)
{
    public const string Name = "ecdsa-rdfc-2019";

    public override bool Accepts(ProofDescriptor proof) => proof.Type == "DataIntegrityProof" && proof.Cryptosuite == Name;

    public override bool AcceptsKey(KeyKind kind) => kind is KeyKind.EcP256 or KeyKind.EcP384;

    protected override HashAlgorithmName HashFor(KeyKind kind) => kind == KeyKind.EcP384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

    protected override bool VerifySignature(ProofDescriptor proof, ResolvedKey key, byte[] data, byte[] signature) =>
        EcdsaP1363.Verify(key, data, signature);
}
