using Verifier.Core.Input;

namespace Verifier.Core.Batch;

/// <summary>
/// One entry of a batch or job manifest: its position, the name the caller gave it, and either what to verify or why
/// it cannot be verified at all (that becomes the item's error line; the other items go on).
/// </summary>
public sealed record BatchItem(int Index, string? Name, VerificationInput? Input, string? Recipient, BatchItemError? Error);

/// <summary>Why an item holds nothing verifiable: a stable code and a sentence a person can act on.</summary>
public sealed record BatchItemError(string Code, string Detail);
