using System.Text.Json;
using Verifier.Core.Engine;

namespace Verifier.Core.OpenBadges3;

/// <summary>What one structure check found, by class (docs/checks/ob3.md): essential errors, conformance errors, warnings.</summary>
internal sealed class StructureFindings
{
    public List<string> Essential { get; } = [];

    public List<string> Conformance { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>One result per class, so an essential failure can never be read as a conformance one.</summary>
    public void Report(VerificationContext context, string label)
    {
        var checks = context.Checks;
        if (Essential.Count > 0)
        {
            checks.Fail(Ob3CheckIds.Structure, $"the credential cannot be read as {(label.StartsWith("OB", StringComparison.Ordinal) ? "an" : "a")} {label} credential: " + string.Join("; ", Essential));
        }

        if (Conformance.Count > 0)
        {
            checks.Conformance(Ob3CheckIds.Structure, $"the credential does not conform to the {label} data model: " + string.Join("; ", Conformance));
        }

        if (Warnings.Count > 0)
        {
            checks.Warn(Ob3CheckIds.Structure, string.Join("; ", Warnings));
        }

        if (Essential.Count == 0 && Conformance.Count == 0 && Warnings.Count == 0)
        {
            checks.Pass(Ob3CheckIds.Structure, $"the required {label} properties are present");
        }
    }
}

/// <summary>
/// The subject and achievement rules of OB 3.0 §B.1.2 AchievementSubject, §B.1.3 Achievement, §B.2
/// EndorsementSubject and the CLR 2.0 ClrSubject, classed: what the badge is about and what was achieved are
/// essential; how the subject is identified is conformance (OB 3.0 requires id or identifier, but a credential without
/// either is still genuine — a recipient asked for is matched by <c>ob3.recipient</c>, which fails when nothing matches).
/// </summary>
internal static class SubjectChecks
{
    public static void Check(Credential credential, JsonElement subject, string kind, StructureFindings found)
    {
        var hasId = credential.SubjectId is not null;
        var identifiers = Credential.Items(subject, "identifier");
        switch (kind)
        {
            case "EndorsementCredential":
                if (!hasId)
                {
                    // Rule 6: an endorsement is about what its subject id names; without one it is about nothing.
                    found.Essential.Add("an EndorsementSubject must have an id (the endorsed entity)");
                }

                break;
            case "ClrCredential":
                if (!hasId && identifiers.Count == 0)
                {
                    found.Conformance.Add("the ClrSubject must be identified by id and/or identifier (OB 3.0 §8.1 step 1)");
                }

                if (Credential.Items(subject, "verifiableCredential").Count == 0)
                {
                    found.Essential.Add("a ClrSubject must carry verifiableCredential");
                }

                break;
            default:
                if (!hasId && identifiers.Count == 0)
                {
                    found.Conformance.Add("the credentialSubject must be identified by id and/or identifier (OB 3.0 verification step 1)");
                }

                foreach (var identifier in identifiers)
                {
                    if (Credential.Str(identifier, "identityHash") is null || Credential.Str(identifier, "identityType") is null)
                    {
                        found.Conformance.Add("each identifier (IdentityObject) needs identityHash and identityType");
                        break;
                    }
                }

                CheckAchievement(credential.Achievement, found);
                break;
        }
    }

    /// <summary>
    /// OB 3.0 §B Image and the JSON schema: an image is an Image object with an id (and type Image); a bare IRI string
    /// is valid JSON-LD but not the OB 3.0 data model (walt.id calls such credentials "noncompliant").
    /// </summary>
    public static void ImageRule(JsonElement owner, string name, StructureFindings found)
    {
        if (owner.TryGetProperty("image", out var image) && image.ValueKind != JsonValueKind.Object)
        {
            found.Conformance.Add($"{name} must be an Image object with id and type, not a {image.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private static void CheckAchievement(JsonElement? achievement, StructureFindings found)
    {
        if (achievement is not { } a)
        {
            found.Essential.Add("credentialSubject.achievement is required");
            return;
        }

        if (Credential.Str(a, "name") is null)
        {
            found.Essential.Add("achievement.name is required");
        }

        if (Credential.Str(a, "id") is null)
        {
            found.Conformance.Add("achievement.id is required");
        }

        if (!Credential.Strings(a, "type").Contains("Achievement"))
        {
            found.Conformance.Add("achievement.type must include Achievement");
        }

        if (!a.TryGetProperty("criteria", out var criteria) || criteria.ValueKind != JsonValueKind.Object
            || (Credential.Str(criteria, "id") is null && Credential.Str(criteria, "narrative") is null))
        {
            found.Conformance.Add("achievement.criteria with an id or a narrative is required");
        }

        ImageRule(a, "achievement.image", found);
        if (Credential.Str(a, "description") is null)
        {
            // OB 3.0 §B.1.3: description is required [1] (the JSON schema lists it too).
            found.Conformance.Add("achievement.description is required");
        }
    }
}
