using Verifier.Core.Keys;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// <c>EcdsaSecp256k1Signature2019</c> (W3C CCG Linked Data Proof secp256k1 2019; the term is in the VC 1.1 and
/// security v2 contexts): a detached ES256K JWS (RFC 8812) over the RDFC hashes (<see cref="DetachedJwsSuite"/>),
/// made by jsonld-signatures' JwsLinkedDataSignature like Ed25519Signature2018. Only secp256k1 keys.
/// </summary>
internal sealed class EcdsaSecp256k1Signature2019Suite(ILinkedDataConverter converter, DataIntegrityOptions options) : DetachedJwsSuite(converter, options)
{
    public const string Name = "EcdsaSecp256k1Signature2019";

    public override bool Accepts(ProofDescriptor proof) => proof.Type == Name;

    protected override string? AlgorithmFor(KeyKind kind) => kind == KeyKind.EcSecp256k1 ? "ES256K" : null;
}
