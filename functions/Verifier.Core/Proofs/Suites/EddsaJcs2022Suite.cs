using Verifier.Core.Crypto;
using Verifier.Core.Keys;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// vc-di-eddsa §3.4 <c>eddsa-jcs-2022</c>: the document and the proof configuration are canonicalized with JCS
/// (RFC 8785) instead of RDFC, so no JSON-LD processing is involved; hashData = SHA-256(proof configuration) ‖
/// SHA-256(document), signed with Ed25519.
/// </summary>
internal sealed class EddsaJcs2022Suite : JcsSuiteBase
{
    public const string Name = "eddsa-jcs-2022";

    public override bool Accepts(ProofDescriptor proof) => proof.Type == "DataIntegrityProof" && proof.Cryptosuite == Name;

    public override bool AcceptsKey(KeyKind kind) => kind == KeyKind.Ed25519;

    protected override bool VerifySignature(ResolvedKey key, byte[] hashData, byte[] signature) =>
        Ed25519Verifier.Verify(key.PublicKeyBytes, hashData, signature);
}
