using Verifier.Core.Input;

namespace Verifier.Core.Engine;

/// <summary>One verification: the badge plus what the caller asks of it.</summary>
public sealed class VerificationRequest
{
    public required VerificationInput Input { get; init; }

    /// <summary>The expected earner (email, URL, telephone or DID); null skips the recipient check.</summary>
    public string? Recipient { get; init; }

    /// <summary>Strict turns "anyone could have signed this" issuer-binding warnings into errors (OB 3.0).</summary>
    public bool Strict { get; init; }

    /// <summary>Verify as of this instant instead of now (dates, expiry, status).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Include canonical forms, hashes and proof configurations in check details.</summary>
    public bool Verbose { get; init; }
}
