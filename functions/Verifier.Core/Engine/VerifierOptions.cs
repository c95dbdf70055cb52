using Verifier.Core.Fetching;

namespace Verifier.Core.Engine;

/// <summary>Configuration section "Verifier".</summary>
public sealed class VerifierOptions
{
    public const string SectionName = "Verifier";

    public FetchOptions Fetch { get; set; } = new();

    /// <summary>The deployment's issuer-binding policy ("Verifier:Policy"); a request may choose another with <c>policy=</c>.</summary>
    public IssuerPolicy Policy { get; set; } = IssuerPolicy.Default;

    /// <summary>Allowed difference between clocks when comparing dates.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Overall deadline for one verification; every fetch is cancelled when it passes.</summary>
    public TimeSpan RequestDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public ContextOptions Contexts { get; set; } = new();

    /// <summary>
    /// Issuer registries ("Verifier:Registries"), in order of authority: the first that lists an issuer supplies
    /// the name a page shows. Empty by default: whom to trust is the operator's choice (docs/security.md).
    /// </summary>
    public List<Registries.IssuerRegistryOptions> Registries { get; set; } = [];

    /// <summary>Makes "not in any configured registry" an error ("Verifier:RequireKnownIssuer"); a request may choose with <c>requireKnownIssuer=</c>.</summary>
    public bool RequireKnownIssuer { get; set; }

    /// <summary>One deadline for all registry lookups of a verification (they run in parallel).</summary>
    public TimeSpan RegistryDeadline { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>Where pinned JSON-LD contexts are loaded from (a folder with index.json), before cache and network.</summary>
public sealed class ContextOptions
{
    public string? Path { get; set; }
}
