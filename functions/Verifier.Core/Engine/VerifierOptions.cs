using Verifier.Core.Fetching;

namespace Verifier.Core.Engine;

/// <summary>Configuration section "Verifier".</summary>
public sealed class VerifierOptions
{
    public const string SectionName = "Verifier";

    public FetchOptions Fetch { get; set; } = new();

    /// <summary>Deployment-wide strict issuer-binding policy (requests may also ask for it).</summary>
    public bool StrictPolicy { get; set; }

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
