using Verifier.Core.Input;

namespace Verifier.Core.Engine;

/// <summary>One verification: the badge plus what the caller asks of it.</summary>
public sealed class VerificationRequest
{
    public required VerificationInput Input { get; init; }

    /// <summary>The expected earner (email, URL, telephone or DID); null skips the recipient check.</summary>
    public string? Recipient { get; init; }

    /// <summary>The issuer-binding policy for this request; null uses the deployment's <see cref="VerifierOptions.Policy"/>.</summary>
    public IssuerPolicy? Policy { get; init; }

    /// <summary>
    /// How the verdict reads conformance failures: authenticity (warnings) or conformance (errors); null uses the
    /// deployment's <see cref="VerifierOptions.Profile"/>. Independent of <see cref="Policy"/>.
    /// </summary>
    public Reporting.VerificationProfile? Profile { get; init; }

    /// <summary>Verify as of this instant instead of now (dates, expiry, status).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>
    /// Whether an issuer that no configured registry lists makes the badge invalid; null uses the deployment's
    /// <see cref="VerifierOptions.RequireKnownIssuer"/>.
    /// </summary>
    public bool? RequireKnownIssuer { get; init; }

    /// <summary>Include canonical forms, hashes and proof configurations in check details.</summary>
    public bool Verbose { get; init; }

    /// <summary>Put the badge image in the report as a data: URI (<c>badge.imageData</c>; see Images/BadgeImageEmbedder).</summary>
    public bool IncludeImage { get; init; }

    /// <summary>The caller's name for the input, echoed as <c>input.name</c> (obverify: the path or URL it was given).</summary>
    public string? InputName { get; init; }
}
