using System.ComponentModel.DataAnnotations;
using Verifier.Core.Engine.Settings;
using Verifier.Core.Fetching;

namespace Verifier.Core.Engine;

/// <summary>Configuration section "Verifier". Every setting is listed in docs/configuration.md.</summary>
public sealed class VerifierOptions
{
    public const string SectionName = "Verifier";

    public FetchOptions Fetch { get; set; } = new();

    /// <summary>The deployment's issuer-binding policy ("Verifier:Policy"); a request may choose another with <c>policy=</c>.</summary>
    [EnumDataType(typeof(IssuerPolicy))]
    public IssuerPolicy Policy { get; set; } = IssuerPolicy.Default;

    /// <summary>
    /// The deployment's profile ("Verifier:Profile": authenticity or conformance); a request may choose another with
    /// <c>profile=</c>.
    /// </summary>
    public Reporting.VerificationProfile Profile { get; set; } = Reporting.VerificationProfile.Authenticity;

    /// <summary>Allowed difference between clocks when comparing dates.</summary>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Overall deadline for one verification; every fetch is cancelled when it passes.</summary>
    [TimeSpanRange("00:00:00.100", "00:05:00")]
    public TimeSpan RequestDeadline { get; set; } = TimeSpan.FromSeconds(10);

    public ContextOptions Contexts { get; set; } = new();

    /// <summary>Byte budgets of the engine's in-memory caches (keys, status lists, schemas, issuer documents).</summary>
    public MemoryBudgetOptions MemoryCache { get; set; } = new();

    /// <summary>How JSON Schemas named by <c>credentialSchema</c> are evaluated.</summary>
    public SchemaOptions Schema { get; set; } = new();

    /// <summary>
    /// Issuer registries ("Verifier:Registries"), in order of authority: the first that lists an issuer supplies
    /// the name a page shows. Empty by default: whom to trust is the operator's choice (docs/security.md).
    /// </summary>
    public List<Registries.IssuerRegistryOptions> Registries { get; set; } = [];

    /// <summary>Makes "not in any configured registry" an error ("Verifier:RequireKnownIssuer"); a request may choose with <c>requireKnownIssuer=</c>.</summary>
    public bool RequireKnownIssuer { get; set; }

    /// <summary>One deadline for all registry lookups of a verification (they run in parallel).</summary>
    [TimeSpanRange("00:00:00.100", "00:00:30")]
    public TimeSpan RegistryDeadline { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>Where pinned JSON-LD contexts are loaded from (a folder with index.json), before cache and network.</summary>
public sealed class ContextOptions : IValidatableObject
{
    /// <summary>
    /// A folder written by <c>obverify contexts pull</c>. Unset: the <c>contexts</c> folder beside the application
    /// when the build put one there (docs/configuration.md, "Pinned contexts").
    /// </summary>
    public string? Path { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Path is { Length: > 0 } path && !File.Exists(System.IO.Path.Combine(path, "index.json")))
        {
            yield return new ValidationResult($"'{path}' has no index.json (write one with `obverify contexts pull DIR`)", [nameof(Path)]);
        }
    }
}

/// <summary>
/// Configuration section "Verifier:MemoryCache": one size-limited cache per kind of entry, sized in bytes, so that
/// no caller can make an instance hold more than these budgets whatever lists, keys or schemas its badges name
/// (documents have their own budget, <see cref="FetchOptions.MemoryCacheBytes"/>).
/// </summary>
public sealed class MemoryBudgetOptions
{
    /// <summary>Verified status lists (decoded bitstring + credential).</summary>
    [Range(0L, 4L * 1024 * 1024 * 1024)]
    public long StatusListBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Resolved keys (did:key, did:jwk, did:web, JWKs, key documents).</summary>
    [Range(0L, 1024L * 1024 * 1024)]
    public long KeyBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Compiled JSON Schemas.</summary>
    [Range(0L, 1024L * 1024 * 1024)]
    public long SchemaBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>What issuers' own documents list (their key ids).</summary>
    [Range(0L, 1024L * 1024 * 1024)]
    public long IssuerDocumentBytes { get; set; } = 8L * 1024 * 1024;
}

/// <summary>Configuration section "Verifier:Schema".</summary>
public sealed class SchemaOptions
{
    /// <summary>
    /// Time one credential's schema evaluation may take. A schema that needs longer makes <c>ob3.schema</c>
    /// indeterminate: the credential was not shown to be wrong, and a hostile schema must not hold a worker.
    /// </summary>
    [TimeSpanRange("00:00:00.010", "00:01:00")]
    public TimeSpan EvaluationBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Schema evaluations one instance runs at once (an evaluation past its budget still holds its slot until it ends).</summary>
    [Range(1, 64)]
    public int MaxConcurrentEvaluations { get; set; } = 2;

    /// <summary>Schemas larger than this are not compiled (a warning, as for an unreachable schema).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxSchemaBytes { get; set; } = 256 * 1024;
}
