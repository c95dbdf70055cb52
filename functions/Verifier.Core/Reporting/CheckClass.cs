using System.Text.Json.Serialization;

namespace Verifier.Core.Reporting;

/// <summary>
/// What a failed check says about a badge (docs/checks/*.md, column "class"). <see cref="Essential"/>: without it
/// the badge cannot be read or trusted — issuer, achievement, recipient when one is asked for, proof, binding, status,
/// dates that parse. <see cref="Conformance"/>: a specification MUST whose violation changes nothing about what the
/// badge proves (subject id versus identifier, datatypes of optional properties, schema violations, image formats).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckClass>))]
public enum CheckClass
{
    [JsonStringEnumMemberName("essential")] Essential,
    [JsonStringEnumMemberName("conformance")] Conformance,
}

/// <summary>
/// How a verdict reads the checks (report field <c>profile</c>). The axis is independent of the issuer-binding
/// policy: a profile never changes what proves the issuer.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerificationProfile>))]
public enum VerificationProfile
{
    /// <summary>The default: is this genuine, intact and current? Conformance failures are warnings.</summary>
    [JsonStringEnumMemberName("authenticity")] Authenticity,

    /// <summary>What an issuer's CI wants: every specification MUST is an error, every SHOULD a warning.</summary>
    [JsonStringEnumMemberName("conformance")] Conformance,
}

/// <summary>Names of the profiles as the HTTP query, the CLI and configuration spell them.</summary>
public static class VerificationProfileNames
{
    public static string Name(VerificationProfile profile) =>
        profile == VerificationProfile.Conformance ? "conformance" : "authenticity";

    /// <summary>"authenticity" (also "default") or "conformance", case-insensitive; null for anything else.</summary>
    public static VerificationProfile? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "default" or "authenticity" => VerificationProfile.Authenticity,
        "conformance" => VerificationProfile.Conformance,
        _ => null,
    };
}
