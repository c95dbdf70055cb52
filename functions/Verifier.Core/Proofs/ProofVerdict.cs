using Verifier.Core.Keys;
using Verifier.Core.Trust;

namespace Verifier.Core.Proofs;

internal enum ProofStatus
{
    Valid,
    Invalid,

    /// <summary>Could not be judged for a reason outside the credential (key or context unreachable).</summary>
    Indeterminate,

    /// <summary>Not even well-formed JSON-LD under the credential's contexts: an error even beside a valid proof.</summary>
    Malformed,
}

/// <summary>The judgement of one proof, before the proof set is decided (one valid proof by the issuer suffices).</summary>
internal sealed record ProofVerdict(
    ProofDescriptor Proof,
    ProofStatus Status,
    string Message,
    ResolvedKey? Key = null,
    IssuerBindingResult? Binding = null,
    IReadOnlyDictionary<string, string>? Details = null)
{
    /// <summary>Where the signed document departs from its plain compacted form, when that is why the proof failed.</summary>
    public IReadOnlyList<LinkedData.JsonLd.PlainFormViolation>? NonCanonical { get; init; }

    /// <summary>Whether the key is provably the issuer's (null when there is no issuer to compare with).</summary>
    public bool? IssuerBound => Binding?.IssuerKeyBound;
}
