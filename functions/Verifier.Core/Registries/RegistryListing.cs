using System.Text.Json.Serialization;

namespace Verifier.Core.Registries;

/// <summary>
/// A registry's entry for the verified issuer (report item <c>issuer.knownIn[]</c>): what the registry, not the
/// badge, says the issuer is called.
/// </summary>
public sealed class RegistryListing
{
    /// <summary>The configured name of the registry that lists the issuer.</summary>
    public required string Registry { get; init; }

    /// <summary>The issuer's name as the registry states it.</summary>
    public string? Name { get; init; }

    /// <summary>The issuer's homepage as the registry states it.</summary>
    public string? Url { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LegalName { get; init; }

    /// <summary>
    /// The registry's logo for the issuer, only as a <c>data:image/…</c> URI: a page must never load an image from a
    /// host the badge or a registry chooses (the verifier's page has a strict CSP), so other logo URLs are dropped.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Logo { get; init; }
}

/// <summary>What one registry answered about one identity.</summary>
public enum RegistryStatus
{
    /// <summary>The registry lists the identity.</summary>
    Listed,

    /// <summary>The registry answered and does not list it (or its statement failed verification).</summary>
    NotListed,

    /// <summary>The registry could not be asked (network, 5xx, timeout, spent budget, a document that is not a registry).</summary>
    Unchecked,
}

/// <summary>One registry's answer. <see cref="Note"/> says why a registry is unchecked or a statement was refused.</summary>
public readonly record struct RegistryAnswer(RegistryStatus Status, RegistryListing? Listing, string? Note)
{
    public static RegistryAnswer Listed(RegistryListing listing) => new(RegistryStatus.Listed, listing, null);

    public static RegistryAnswer NotListed(string? note = null) => new(RegistryStatus.NotListed, null, note);

    public static RegistryAnswer Unchecked(string note) => new(RegistryStatus.Unchecked, null, note);
}
