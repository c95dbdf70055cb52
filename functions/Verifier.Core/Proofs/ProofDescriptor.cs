using System.Text.Json;
using Verifier.Core.Input;

namespace Verifier.Core.Proofs;

/// <summary>The members of one Data Integrity proof (VC Data Integrity §2.1) that verification reads.</summary>
internal sealed record ProofDescriptor(
    int Index,
    JsonElement Raw,
    string? Type,
    string? Cryptosuite,
    string? VerificationMethod,
    string? ProofPurpose,
    string? ProofValue,
    string? Created,
    string? Expires,
    string? Jws = null)
{
    /// <summary>The suite's name for reports: the cryptosuite of a DataIntegrityProof, else the legacy proof type.</summary>
    public string SuiteName => Type == "DataIntegrityProof" ? Cryptosuite ?? "DataIntegrityProof (no cryptosuite)" : Type ?? "(no type)";

    public string Subject => $"proof[{Index}] {SuiteName}" + (VerificationMethod is null ? string.Empty : $" by {VerificationMethod}");

    public static ProofDescriptor Read(int index, JsonElement proof) => new(
        index,
        proof,
        JsonRead.String(proof, "type"),
        JsonRead.String(proof, "cryptosuite"),
        proof.TryGetProperty("verificationMethod", out var vm) && vm.ValueKind == JsonValueKind.Object ? JsonRead.String(vm, "id") : JsonRead.String(proof, "verificationMethod"),
        JsonRead.String(proof, "proofPurpose"),
        JsonRead.String(proof, "proofValue"),
        JsonRead.String(proof, "created"),
        JsonRead.String(proof, "expires"),
        JsonRead.String(proof, "jws"));
}
