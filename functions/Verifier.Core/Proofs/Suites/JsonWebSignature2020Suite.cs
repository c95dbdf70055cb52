using Verifier.Core.Keys;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// <c>JsonWebSignature2020</c> (W3C CCG Linked Data Proof JSON Web Signature 2020, context
/// https://w3id.org/security/suites/jws-2020/v1): a detached JWS over the RDFC hashes (<see cref="DetachedJwsSuite"/>)
/// with the algorithm the key's type fixes — EdDSA for Ed25519, ES256 for P-256, ES384 for P-384, ES256K for
/// secp256k1. RSA (PS256) keys of that suite are not supported: their proofs are reported as such, never as valid.
/// </summary>
internal sealed class JsonWebSignature2020Suite(ILinkedDataConverter converter, DataIntegrityOptions options) : DetachedJwsSuite(converter, options)
{
    public const string Name = "JsonWebSignature2020";

    public override bool Accepts(ProofDescriptor proof) => proof.Type == Name;

    protected override string? AlgorithmFor(KeyKind kind) => kind switch
    {
        KeyKind.Ed25519 => "EdDSA",
        KeyKind.EcP256 => "ES256",
        KeyKind.EcP384 => "ES384",
        KeyKind.EcSecp256k1 => "ES256K",
        _ => null,
    };
}
