using Verifier.Core.Keys;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// The legacy <c>Ed25519Signature2018</c> proof (W3C CCG Ed25519 Signature 2018), still on badges of the 2022–2023
/// JFF / VC-EDU plugfests: a detached EdDSA JWS over the RDFC hashes (<see cref="DetachedJwsSuite"/>).
/// </summary>
internal sealed class Ed25519Signature2018Suite(ILinkedDataConverter converter, DataIntegrityOptions options) : DetachedJwsSuite(converter, options)
{
    public const string Name = "Ed25519Signature2018";

    public override bool Accepts(ProofDescriptor proof) => proof.Type == Name;

    protected override string? AlgorithmFor(KeyKind kind) => kind == KeyKind.Ed25519 ? "EdDSA" : null;
}
