using System.Security.Cryptography;
using System.Text.Json;
using Verifier.Core.Keys;
using Verifier.LinkedData.JsonLd;

namespace Verifier.Core.Proofs.Suites;

/// <summary>One cryptosuite (or legacy proof type): its transformation, hashing and signature check.</summary>
internal interface IDataIntegritySuite
{
    /// <summary>Whether this suite verifies the proof (by type and cryptosuite).</summary>
    bool Accepts(ProofDescriptor proof);

    /// <summary>Whether a key of this kind can have made the suite's signatures.</summary>
    bool AcceptsKey(KeyKind kind);

    ValueTask<SuiteVerification> VerifyAsync(SuiteInput input, CancellationToken cancellationToken);

    /// <summary>
    /// The signature the proof carries, or why it cannot be read: a multibase base58btc proofValue ('z…', vc-di-eddsa
    /// §2.2.1, vc-di-ecdsa §2.2.1) unless the suite expresses it otherwise.
    /// </summary>
    (byte[]? Signature, string? Error) ReadSignature(ProofDescriptor proof) =>
        proof.ProofValue is ['z', ..] && Multibase.Decode(proof.ProofValue) is { } signature
            ? (signature, null)
            : (null, proof.ProofValue?.Length > Multibase.MaxBase58Chars
                ? $"proofValue is {proof.ProofValue.Length} characters long, longer than any signature of the supported suites ({Multibase.MaxBase58Chars} at most)"
                : "proofValue is missing or not multibase base58btc ('z…')");
}

/// <param name="SecuredDocument">The credential as received (with its proof or proofs).</param>
/// <param name="Proof">The proof being verified.</param>
/// <param name="Signature">The decoded proofValue.</param>
/// <param name="Key">The resolved verification method.</param>
/// <param name="Verbose">Whether to return canonical forms and hashes in the details.</param>
/// <param name="Canonical">The canonical forms already computed for this credential's proof set (null: none shared).</param>
internal sealed record SuiteInput(JsonElement SecuredDocument, ProofDescriptor Proof, byte[] Signature, ResolvedKey Key, bool Verbose, CanonicalForms? Canonical = null);

/// <summary>
/// The canonical forms computed while one credential's proofs are verified, by input text and hash: every proof of a
/// set signs the same unsecured document (unless it chains to a previous proof), so its JSON-LD expansion, RDFC-1.0
/// run and plain-form audit are done once, not once per proof — a credential may carry up to
/// <see cref="DataIntegrityOptions.MaxProofs"/> of them, each as costly as the document is large.
/// </summary>
internal sealed class CanonicalForms
{
    private readonly Dictionary<(string Json, string Hash), CanonicalHash> _forms = [];

    public bool TryGet(string json, HashAlgorithmName hash, out CanonicalHash form) => _forms.TryGetValue((json, hash.Name!), out form!);

    public void Set(string json, HashAlgorithmName hash, CanonicalHash form) => _forms[(json, hash.Name!)] = form;
}

/// <summary>A document's canonical N-Quads and their hash with its plain-form audit, or why it has none.</summary>
internal sealed record CanonicalHash(string? NQuads, byte[]? Hash, SuiteVerification? Failure, PlainFormAudit? PlainForm);

internal sealed record SuiteVerification(bool Valid, string Message, bool Indeterminate = false, IReadOnlyDictionary<string, string>? Details = null)
{
    /// <summary>Set when the signature verifies but the signed document is not in its plain compacted form (then not Valid).</summary>
    public IReadOnlyList<PlainFormViolation>? NonCanonical { get; init; }

    public static SuiteVerification Invalid(string message, IReadOnlyDictionary<string, string>? details = null) => new(false, message, false, details);
}
