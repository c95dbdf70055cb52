using Verifier.Core.Fetching;

namespace Verifier.Core.Engine;

/// <summary>Configuration section "Verifier".</summary>
public sealed class VerifierOptions
{
    public const string SectionName = "Verifier";

    public FetchOptions Fetch { get; set; } = new();

    /// <summary>The deployment's issuer-binding policy ("Verifier:Policy"); a request may choose another with <c>policy=</c>.</summary>
    public IssuerPolicy Policy { get; set; } = IssuerPolicy.Default;

    /// <summary>
    /// The deployment's profile ("Verifier:Profile": authenticity or conformance); a request may choose another with
    /// <c>profile=</c>.
    /// </summary>
    public Reporting.VerificationProfile Profile { get; set; } = Reporting.VerificationProfile.Authenticity;

    /// <summary>Allowed difference between clocks when comparing dates.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Overall deadline for one verification; every fetch is cancelled when it passes.</summary>
    public TimeSpan RequestDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public ContextOptions Contexts { get; set; } = new();
}

/// <summary>Where pinned JSON-LD contexts are loaded from (a folder with index.json), before cache and network.</summary>
public sealed class ContextOptions
{
    public string? Path { get; set; }
}
