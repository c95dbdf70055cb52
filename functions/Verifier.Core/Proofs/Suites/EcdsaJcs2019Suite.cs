using System.Security.Cryptography;
using Verifier.Core.Crypto;
using Verifier.Core.Keys;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// vc-di-ecdsa §3.4 <c>ecdsa-jcs-2019</c>: JCS as for eddsa-jcs-2022; P-256 with SHA-256 or P-384 with SHA-384 for
/// both hashes and the signature, a raw r‖s (IEEE P1363) proofValue.
/// </summary>
internal sealed class EcdsaJcs2019Suite : JcsSuiteBase
{
    public const string Name = "ecdsa-jcs-2019";

    public override bool Accepts(ProofDescriptor proof) => proof.Type == "DataIntegrityProof" && proof.Cryptosuite == Name;

    public override bool AcceptsKey(KeyKind kind) => kind is KeyKind.EcP256 or KeyKind.EcP384;

    protected override HashAlgorithmName HashFor(KeyKind kind) => kind == KeyKind.EcP384 ? HashAlgorithmName.SHA384 : HashAlgorithmName.SHA256;

    protected override bool VerifySignature(ResolvedKey key, byte[] hashData, byte[] signature) =>
        EcdsaP1363.Verify(key, hashData, signature);
}
