using System.Text.Json;
using Verifier.Core.Engine;
using Verifier.Core.Reporting;
using Verifier.Core.OpenBadges2.Model;

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
        string? badge = null, other = null, list = null;
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
            else if (t is StatusListCredentialChecks.Bitstring or StatusListCredentialChecks.Legacy)
            {
                list ??= t;
            }
            else if (t == "VerifiableCredential")
            {
                isVc = true;
            }
        }

        // An OpenBadgeCredential/AchievementCredential type wins over EndorsementCredential/ClrCredential, whatever the order.
        var kind = badge ?? other ?? list;
        if (!isVc || kind is null)
        {
            context.Checks.Fail(Ob3CheckIds.Type, $"type [{string.Join(", ", types)}] must include VerifiableCredential and one of OpenBadgeCredential, AchievementCredential, EndorsementCredential, ClrCredential (or a status list credential type)");
            return null;
        }

        if (list is not null && kind == list && context.Profile == VerificationProfile.Authenticity)
        {
            // Asked "can I trust this badge?", a genuine list is still no badge: a displayer that reads only `valid`
            // must not show an issuer's status list as something it awarded. The list's own checks still run (and
            // say whether it is genuine); profile=conformance — an issuer checking what it publishes — accepts it.
            context.Checks.Fail(Ob3CheckIds.Type, $"a {kind}: the status list an issuer publishes for its credentials, not a badge — it awards nothing to anyone; its proof, issuer and shape are checked below (profile=conformance verifies a list on its own)");
            return kind;
        }

        context.Checks.Pass(Ob3CheckIds.Type, kind switch
        {
            "ClrCredential" => "a CLR 2.0 ClrCredential",
            _ when list is not null && kind == list => $"a {kind}: the status list an issuer publishes for its credentials, checked as such (not a badge)",
            _ => $"an Open Badges 3.0 {kind}",
        });
        return kind;
    }

    /// <summary>
    /// VCDM requires its context first (VC DM 2.0 §4.3); the OB or CLR context must follow. Conformance: what a
    /// VC-JWT proves does not depend on its contexts, and an embedded proof is verified over the graph the contexts
    /// give (safe mode, pinned contexts, the plain-form audit) — a credential whose contexts do not define its terms
    /// fails its proof, an essential check.
    /// </summary>
    public static void CheckContext(Credential credential, string? kind, VerificationContext context)
    {
        var contexts = credential.Contexts;
        var checks = context.Checks;
        if (contexts.Count == 0 || (contexts[0] != Credential.VcV2Context && contexts[0] != Credential.VcV1Context))
        {
            checks.Conformance(Ob3CheckIds.Context, $"@context must start with {Credential.VcV2Context} (or {Credential.VcV1Context} for VCDM 1.1)");
            return;
        }

        if (StatusListCredentialChecks.IsKind(kind))
        {
            // The VC 2.0 context defines BitstringStatusList; a StatusList2021 list's own context is needed by its
            // proof, which fails when a term is undefined. No OB context belongs on a list.
            if (credential.IsVcdm11)
            {
                checks.Warn(Ob3CheckIds.Context, "VCDM 1.1 form (credentials v1 context): accepted for compatibility, superseded by VCDM 2.0");
            }
            else
            {
                checks.Pass(Ob3CheckIds.Context, $"@context is {contexts[0]}");
            }

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
            checks.Conformance(Ob3CheckIds.Context, $"@context lacks the {(kind == "ClrCredential" ? "CLR 2.0" : "Open Badges 3.0")} context ({prefix}…) after the VC context");
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

    /// <summary>
    /// The required properties, each rule classed (docs/checks/ob3.md): an essential failure makes the credential
    /// invalid under every profile; a conformance failure is a warning under the authenticity profile.
    /// </summary>
    public static void CheckProperties(Credential credential, string kind, VerificationContext context)
    {
        var found = new StructureFindings();
        // IriSyntax, not Uri.TryCreate: on Unix System.Uri reads "/credentials/1" as an absolute file: URI.
        if (credential.Id is not { } id || !IriSyntax.IsIri(id))
        {
            // Rule 5, readers fail closed: an id that is there but not a string (an array, a value object) could name
            // several credentials to a status list; a missing or relative one names none, which the status check reports.
            var unreadable = credential.Root.TryGetProperty("id", out var raw) && raw.ValueKind != JsonValueKind.String;
            (unreadable ? found.Essential : found.Conformance).Add("the credential id must be an absolute URI");
        }

        var isList = StatusListCredentialChecks.IsKind(kind);
        if (isList)
        {
            // VCDM: a list's issuer is an IRI or an object with an id; the OB Profile rules are for badges.
            if (credential.IssuerId is null)
            {
                found.Essential.Add("issuer (an IRI or an object with an id) is required");
            }
        }
        else
        {
            CheckIssuer(credential, found);
        }

        if (credential.ValidFrom.Value is null)
        {
            // A date that is there but unreadable could hide anything (rule 5); one that is missing hides nothing.
            (credential.ValidFrom.Raw is null ? found.Conformance : found.Essential)
                .Add(credential.ValidFrom.Raw is null ? $"{credential.ValidFrom.Name} is required" : $"{credential.ValidFrom.Name} is not a dateTime");
        }

        if (credential.ValidUntil.Raw is not null && credential.ValidUntil.Value is null)
        {
            found.Essential.Add($"{credential.ValidUntil.Name} is not a dateTime");
        }

        CheckEntryShapes(credential, found.Essential);
        if (credential.Subject is not { } subject)
        {
            found.Essential.Add("credentialSubject is required");
        }
        else if (isList)
        {
            StatusListCredentialChecks.Check(credential, kind, found);
        }
        else
        {
            SubjectChecks.Check(credential, subject, kind, found);
        }

        found.Report(context, kind == "ClrCredential" ? "CLR 2.0" : isList ? "status list" : "OB 3.0");
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

    private static void CheckIssuer(Credential credential, StructureFindings found)
    {
        switch (credential.Issuer)
        {
            case null:
                found.Essential.Add("issuer is required");
                break;
            case { ValueKind: JsonValueKind.String }:
                // OB 3.0 §B.1.1 and its JSON schema: issuer is a Profile object; the bare IRI is valid JSON-LD.
                found.Conformance.Add("issuer is a bare id; OB 3.0 requires a Profile object with id and type");
                break;
            case { ValueKind: JsonValueKind.Object } issuer:
                if (Credential.Str(issuer, "id") is null)
                {
                    found.Essential.Add("issuer.id is required");
                }

                if (!Credential.Strings(issuer, "type").Contains("Profile"))
                {
                    found.Conformance.Add("issuer.type must include Profile");
                }

                SubjectChecks.ImageRule(issuer, "issuer.image", found);

                break;
            default:
                found.Essential.Add("issuer must be a Profile object or an id");
                break;
        }
    }
}
