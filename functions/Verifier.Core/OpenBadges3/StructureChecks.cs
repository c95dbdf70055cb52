using System.Text.Json;
using Verifier.Core.Engine;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// Types, contexts and required properties of the OB 3.0 / CLR 2.0 data model (OB 3.0 §B.1 AchievementCredential,
/// §B.1.2 AchievementSubject, §B.1.3 Achievement, §B.1.16 Profile, §B.2 EndorsementCredential; CLR 2.0 ClrCredential).
/// </summary>
internal static class StructureChecks
{
    public const string ObContextPrefix = "https://purl.imsglobal.org/spec/ob/v3p0/";
    public const string ClrContextPrefix = "https://purl.imsglobal.org/spec/clr/v2p0/";
    public const string CurrentObContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string CurrentClrContext = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    /// <summary>Returns the credential's kind (OpenBadgeCredential, EndorsementCredential, ClrCredential) or null when unrecognised.</summary>
    public static string? CheckType(Credential credential, VerificationContext context)
    {
        var types = credential.Types;
        string? badge = null, other = null;
        var isVc = false;
        foreach (var t in types)
        {
            if (t is "OpenBadgeCredential" or "AchievementCredential")
            {
                badge ??= t;
            }
            else if (t is "EndorsementCredential" or "ClrCredential")
            {
                other ??= t;
            }
            else if (t == "VerifiableCredential")
            {
                isVc = true;
            }
        }

        // An OpenBadgeCredential/AchievementCredential type wins over EndorsementCredential/ClrCredential, whatever the order.
        var kind = badge ?? other;
        if (!isVc || kind is null)
        {
            context.Checks.Fail(Ob3CheckIds.Type, $"type [{string.Join(", ", types)}] must include VerifiableCredential and one of OpenBadgeCredential, AchievementCredential, EndorsementCredential, ClrCredential");
            return null;
        }

        context.Checks.Pass(Ob3CheckIds.Type, kind == "ClrCredential" ? "a CLR 2.0 ClrCredential" : $"an Open Badges 3.0 {kind}");
        return kind;
    }

    /// <summary>VCDM requires its context first (VC DM 2.0 §4.3); the OB or CLR context must follow.</summary>
    public static void CheckContext(Credential credential, string? kind, VerificationContext context)
    {
        var contexts = credential.Contexts;
        var checks = context.Checks;
        if (contexts.Count == 0 || (contexts[0] != Credential.VcV2Context && contexts[0] != Credential.VcV1Context))
        {
            checks.Fail(Ob3CheckIds.Context, $"@context must start with {Credential.VcV2Context} (or {Credential.VcV1Context} for VCDM 1.1)");
            return;
        }

        var prefix = kind == "ClrCredential" ? ClrContextPrefix : ObContextPrefix;
        string? own = null;
        for (var i = 1; i < contexts.Count && own is null; i++)
        {
            own = contexts[i].StartsWith(prefix, StringComparison.Ordinal) ? contexts[i] : null;
        }

        if (own is null)
        {
            checks.Fail(Ob3CheckIds.Context, $"@context lacks the {(kind == "ClrCredential" ? "CLR 2.0" : "Open Badges 3.0")} context ({prefix}…) after the VC context");
            return;
        }

        var current = kind == "ClrCredential" ? CurrentClrContext : CurrentObContext;
        const string Vcdm11 = "VCDM 1.1 form (credentials v1 context, issuanceDate/expirationDate): accepted for compatibility, superseded by VCDM 2.0";
        var older = own != current && !own.EndsWith("extensions.json", StringComparison.Ordinal) ? $"{own} is an older context version than {current}" : null;
        if (credential.IsVcdm11 || older is not null)
        {
            checks.Warn(Ob3CheckIds.Context, credential.IsVcdm11 ? older is null ? Vcdm11 : Vcdm11 + "; " + older : older!);
        }
        else
        {
            checks.Pass(Ob3CheckIds.Context, $"@context is {contexts[0]} then {own}");
        }
    }

    public static void CheckProperties(Credential credential, string kind, VerificationContext context)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        if (credential.Id is not { } id || !Uri.TryCreate(id, UriKind.Absolute, out _))
        {
            errors.Add("the credential id must be an absolute URI");
        }

        CheckIssuer(credential, errors, warnings);
        if (credential.ValidFrom.Value is null)
        {
            errors.Add(credential.ValidFrom.Raw is null ? $"{credential.ValidFrom.Name} is required" : $"{credential.ValidFrom.Name} is not a dateTime");
        }

        if (credential.ValidUntil.Raw is not null && credential.ValidUntil.Value is null)
        {
            errors.Add($"{credential.ValidUntil.Name} is not a dateTime");
        }

        CheckEntryShapes(credential, errors);
        var subject = credential.Subject;
        if (subject is null)
        {
            errors.Add("credentialSubject is required");
        }
        else
        {
            CheckSubject(credential, subject.Value, kind, errors, warnings);
        }

        var label = kind == "ClrCredential" ? "CLR 2.0" : "OB 3.0";
        if (errors.Count > 0)
        {
            context.Checks.Fail(Ob3CheckIds.Structure, $"the credential does not conform to the {label} data model: " + string.Join("; ", errors));
        }
        else if (warnings.Count > 0)
        {
            context.Checks.Warn(Ob3CheckIds.Structure, string.Join("; ", warnings));
        }
        else
        {
            context.Checks.Pass(Ob3CheckIds.Structure, $"the required {label} properties are present");
        }
    }

    private static readonly string[] EntryMembers = ["credentialStatus", "credentialSchema", "refreshService"];

    /// <summary>
    /// Fail closed: the status, schema and refresh checks read entries as objects and pass over anything else, so an
    /// entry written as a bare IRI (its properties moved elsewhere, e.g. into @included) or a nested array must not
    /// read as "no status".
    /// </summary>
    private static void CheckEntryShapes(Credential credential, List<string> errors)
    {
        foreach (var name in EntryMembers)
        {
            foreach (var entry in Credential.Items(credential.Root, name))
            {
                if (entry.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"every {name} entry must be an object, not {entry.ValueKind.ToString().ToLowerInvariant()}");
                    break;
                }
            }
        }
    }

    private static void CheckIssuer(Credential credential, List<string> errors, List<string> warnings)
    {
        switch (credential.Issuer)
        {
            case null:
                errors.Add("issuer is required");
                break;
            case { ValueKind: JsonValueKind.String }:
                warnings.Add("issuer is a bare id; OB 3.0 expects a Profile object with id and type");
                break;
            case { ValueKind: JsonValueKind.Object } issuer:
                if (Credential.Str(issuer, "id") is null)
                {
                    errors.Add("issuer.id is required");
                }

                if (!Credential.Strings(issuer, "type").Contains("Profile"))
                {
                    errors.Add("issuer.type must include Profile");
                }

                break;
            default:
                errors.Add("issuer must be a Profile object or an id");
                break;
        }
    }

    private static void CheckSubject(Credential credential, JsonElement subject, string kind, List<string> errors, List<string> warnings)
    {
        var hasId = credential.SubjectId is not null;
        var identifiers = Credential.Items(subject, "identifier");
        switch (kind)
        {
            case "EndorsementCredential":
                if (!hasId)
                {
                    errors.Add("an EndorsementSubject must have an id (the endorsed entity)");
                }

                break;
            case "ClrCredential":
                if (!hasId && identifiers.Count == 0)
                {
                    errors.Add("the ClrSubject must be identified by id and/or identifier (OB 3.0 §8.1 step 1)");
                }

                if (Credential.Items(subject, "verifiableCredential").Count == 0)
                {
                    errors.Add("a ClrSubject must carry verifiableCredential");
                }

                break;
            default:
                if (!hasId && identifiers.Count == 0)
                {
                    errors.Add("the credentialSubject must be identified by id and/or identifier (OB 3.0 verification step 1)");
                }

                foreach (var identifier in identifiers)
                {
                    if (Credential.Str(identifier, "identityHash") is null || Credential.Str(identifier, "identityType") is null)
                    {
                        errors.Add("each identifier (IdentityObject) needs identityHash and identityType");
                    }
                }

                CheckAchievement(credential.Achievement, errors, warnings);
                break;
        }
    }

    private static void CheckAchievement(JsonElement? achievement, List<string> errors, List<string> warnings)
    {
        if (achievement is not { } a)
        {
            errors.Add("credentialSubject.achievement is required");
            return;
        }

        if (Credential.Str(a, "id") is null)
        {
            errors.Add("achievement.id is required");
        }

        if (!Credential.Strings(a, "type").Contains("Achievement"))
        {
            errors.Add("achievement.type must include Achievement");
        }

        if (!a.TryGetProperty("criteria", out var criteria) || criteria.ValueKind != JsonValueKind.Object
            || (Credential.Str(criteria, "id") is null && Credential.Str(criteria, "narrative") is null))
        {
            errors.Add("achievement.criteria with an id or a narrative is required");
        }

        if (Credential.Str(a, "name") is null)
        {
            errors.Add("achievement.name is required");
        }

        if (Credential.Str(a, "description") is null)
        {
            warnings.Add("achievement.description is missing");
        }
    }
}
