using System.Text.Json.Nodes;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges2.Checks;

/// <summary>
/// Required properties and datatypes of each OB 2.0 class (Open Badges Vocabulary). <c>legacy</c> relaxes the
/// rules 1.x documents never had to follow (issuer e-mail, ids of documents identified by their URL).
/// </summary>
internal static class StructureValidator
{
    // What a badge proves rests on these (docs/checks/ob2.md): who it is about is matched by ob2.recipient, which
    // fails whenever a recipient is asked for and none can be compared.
    private static readonly PropertyClasses AssertionClasses = new(
        new HashSet<string>(StringComparer.Ordinal) { "id", "badge", "verification", "revoked" },
        new HashSet<string>(StringComparer.Ordinal) { "issuedOn", "expires" });

    private static readonly PropertyClasses VerificationClasses = new(
        new HashSet<string>(StringComparer.Ordinal) { "type", "creator" }, new HashSet<string>());

    private static readonly PropertyClasses BadgeClassClasses = new(
        new HashSet<string>(StringComparer.Ordinal) { "name", "issuer" }, new HashSet<string>());

    private static readonly PropertyClasses IssuerClasses = new(
        new HashSet<string>(StringComparer.Ordinal) { "id", "publicKey", "revocationList", "verification" }, new HashSet<string>());

    public static IReadOnlyList<StructureIssue> Assertion(JsonObject a, bool legacy)
    {
        var r = new StructureRules(a, string.Empty, AssertionClasses);

        // A revoked hosted assertion only needs id and revoked (Revoking Hosted Assertions).
        if (JsonRead.Boolean(a, "revoked") == true)
        {
            r.Iri("id", required: true);
            return r.Issues;
        }

        r.Iri("id", required: !legacy || a["uid"] is null);
        r.Type(required: !legacy, "Assertion");
        if (r.Require("recipient") && a["recipient"] is JsonObject recipient)
        {
            IdentityObject(new StructureRules(recipient, "/recipient", PropertyClasses.AllConformance), r);
        }
        else if (a["recipient"] is not null)
        {
            r.Error("recipient", "recipient must be an IdentityObject");
        }

        r.IdOrObject("badge", required: true, many: false, embedded: null);
        if (r.Require("verification") && a["verification"] is JsonObject verification)
        {
            var v = new StructureRules(verification, "/verification", VerificationClasses);
            v.Type(required: true, "HostedBadge", "hosted", "SignedBadge", "signed");
            v.Iri("creator", required: false);
            r.Issues.AddRange(v.Issues);
        }
        else if (a["verification"] is not null)
        {
            r.Error("verification", "verification must be a VerificationObject");
        }

        r.DateTime("issuedOn", required: !legacy);
        r.DateTime("expires", required: false);
        r.IdOrObject("image", required: false, many: false, embedded: Image);
        if (JsonRead.IdOf(a["image"]) is { } image && image.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            // The assertion image is the baked badge, published at a URL; data URIs are for BadgeClass images.
            r.Error("image", "an Assertion image must not be a data URI");
        }

        r.IdOrObject("evidence", required: false, many: true, embedded: Evidence);
        r.Text("narrative", required: false);
        r.Boolean("revoked", required: false);
        r.Text("revocationReason", required: false);
        if (!legacy && a["uid"] is not null)
        {
            r.Warning("uid", "uid is deprecated in 2.0 and should not be used");
        }

        return r.Issues;
    }

    public static IReadOnlyList<StructureIssue> BadgeClass(JsonObject b, bool legacy, string pointer = "")
    {
        var r = new StructureRules(b, pointer, BadgeClassClasses);
        r.Iri("id", required: !legacy);
        r.Type(required: !legacy, "BadgeClass");
        r.Text("name", required: true);
        r.Text("description", required: true);
        if (r.Require("image"))
        {
            r.IdOrObject("image", required: true, many: false, embedded: Image);
            if (JsonRead.IdOf(b["image"]) is { } image && !ImageDataUri.IsAllowed(image))
            {
                r.Error("image", "a BadgeClass image data URI must be a PNG or SVG image (data:image/png or data:image/svg+xml)");
            }
        }

        r.IdOrObject("criteria", required: true, many: false, embedded: Criteria);
        r.IdOrObject("issuer", required: true, many: false, embedded: null);
        if (b["alignment"] is not null)
        {
            r.IdOrObject("alignment", required: false, many: true, embedded: Alignment);
        }

        r.Text("tags", required: false, many: true);
        return r.Issues;
    }

    /// <summary>A Profile used as an issuer: id, type, name, url and email are required (Profile, note on required properties).</summary>
    public static IReadOnlyList<StructureIssue> Issuer(JsonObject i, bool legacy, string pointer = "")
    {
        var r = new StructureRules(i, pointer, IssuerClasses);
        r.Iri("id", required: !legacy);
        r.Type(required: !legacy, "Issuer", "Profile");
        r.Text("name", required: true);
        r.Url("url", required: true);
        r.Text("email", required: !legacy);
        r.Text("telephone", required: false);
        r.Text("description", required: false);
        r.IdOrObject("image", required: false, many: false, embedded: Image);
        r.IdOrObject("publicKey", required: false, many: true, embedded: k => k.Iri("id", required: true));
        r.Iri("revocationList", required: false);
        if (i["verification"] is JsonObject policy)
        {
            var v = new StructureRules(policy, r.Path("verification"), null);
            v.Text("startsWith", required: false, many: true);
            v.Text("allowedOrigins", required: false, many: true);
            v.Text("verificationProperty", required: false);
            r.Issues.AddRange(v.Issues);
        }
        else if (i["verification"] is not null)
        {
            r.Error("verification", "verification must be a VerificationObject");
        }

        return r.Issues;
    }

    public static IReadOnlyList<StructureIssue> CryptographicKey(JsonObject k)
    {
        var r = new StructureRules(k, string.Empty);
        r.Type(required: false, "CryptographicKey");
        r.Iri("id", required: true);
        r.Iri("owner", required: true);
        r.Text("publicKeyPem", required: true);
        return r.Issues;
    }

    public static IReadOnlyList<StructureIssue> RevocationList(JsonObject l)
    {
        var r = new StructureRules(l, string.Empty);
        r.Type(required: true, "RevocationList");
        r.Iri("id", required: false);
        r.Iri("issuer", required: false);
        if (r.Require("revokedAssertions"))
        {
            var entries = JsonRead.Many(l["revokedAssertions"]);
            for (var n = 0; n < entries.Count; n++)
            {
                var entry = entries[n];
                if (entry is JsonObject o ? o["id"] is null && o["uid"] is null : !JsonRead.IsString(entry))
                {
                    r.Error($"revokedAssertions/{n}", "each revoked entry must be an id string or an object with id or uid");
                }
            }
        }

        return r.Issues;
    }

    /// <summary>
    /// Writes the issues as checks: one failure (essential or conformance) or warning per issue, one pass when there
    /// is no essential error.
    /// </summary>
    public static void Report(CheckCollector checks, string id, string what, string? nodeId, IReadOnlyList<StructureIssue> issues)
    {
        var errors = 0;
        foreach (var issue in issues)
        {
            var subject = nodeId is null ? issue.Pointer : $"{nodeId}#{issue.Pointer}";
            if (issue.IsError && issue.Conformance)
            {
                errors++;
                checks.Conformance(id, $"{what}: {issue.Message}", subject);
            }
            else if (issue.IsError)
            {
                errors++;
                checks.Fail(id, $"{what}: {issue.Message}", subject);
            }
            else
            {
                checks.Warn(id, $"{what}: {issue.Message}", subject);
            }
        }

        if (errors == 0)
        {
            checks.Pass(id, $"{what} has its required properties with valid datatypes", nodeId);
        }
    }

    private static void IdentityObject(StructureRules r, StructureRules parent)
    {
        r.Text("identity", required: true);
        r.Text("type", required: true);
        r.Boolean("hashed", required: true);
        r.Text("salt", required: false);
        if (JsonRead.Boolean(r.Node, "hashed") == true && JsonRead.String(r.Node, "identity") is { } identity
            && !Recipients.RecipientMatcher.IsIdentityHash(identity))
        {
            r.Error("identity", "a hashed identity must be sha256$ or md5$ followed by the hexadecimal hash");
        }

        parent.Issues.AddRange(r.Issues);
    }

    private static void Image(StructureRules r) => r.Iri("id", required: true);

    private static void Evidence(StructureRules r)
    {
        r.Iri("id", required: false);
        foreach (var name in (string[])["narrative", "name", "description", "genre", "audience"])
        {
            r.Text(name, required: false);
        }
    }

    private static void Criteria(StructureRules r)
    {
        r.Iri("id", required: false);
        r.Text("narrative", required: false);
        if (r.Node["id"] is null && r.Node["narrative"] is null)
        {
            r.Warning(string.Empty, "embedded Criteria should have an id or a narrative");
        }
    }

    private static void Alignment(StructureRules r)
    {
        r.Text("targetName", required: true);
        r.Url("targetUrl", required: true);
        r.Text("targetDescription", required: false);
        r.Text("targetFramework", required: false);
        r.Text("targetCode", required: false);
    }
}

/// <summary>Data URIs a BadgeClass image may use: "This must be a PNG or SVG image" (BadgeClass image).</summary>
internal static class ImageDataUri
{
    public static bool IsAllowed(string iri) => !iri.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
        || iri.StartsWith("data:image/png;", StringComparison.OrdinalIgnoreCase)
        || iri.StartsWith("data:image/png,", StringComparison.OrdinalIgnoreCase)
        || iri.StartsWith("data:image/svg+xml;", StringComparison.OrdinalIgnoreCase)
        || iri.StartsWith("data:image/svg+xml,", StringComparison.OrdinalIgnoreCase);
}
