using System.Text.Json.Nodes;
using Verifier.Core.Engine;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Checks;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges2.Endorsements;

/// <summary>
/// The OB 2.0 Endorsement class (Open Badges Vocabulary, Endorsement): an assertion by an endorser (<c>issuer</c>, a
/// Profile) whose <c>claim</c> names the endorsed node by its <c>id</c>, verified like an Assertion — hosted within
/// the endorser's scope, or signed with the endorser's key — and about what it sits on (docs/security.md rule 6).
/// </summary>
internal static class EndorsementRules
{
    private static readonly PropertyClasses Classes = new(
        new HashSet<string>(StringComparer.Ordinal) { "id", "type", "claim", "issuer", "verification", "revoked" },
        new HashSet<string>(StringComparer.Ordinal) { "issuedOn" });

    public static bool IsEndorsement(JsonObject? node) => JsonRead.HasType(node, "Endorsement");

    /// <summary>The id of the node the endorsement's claim is about.</summary>
    public static string? ClaimId(JsonObject endorsement) => JsonRead.IdOf(endorsement["claim"]);

    /// <summary>Required properties: id, type Endorsement, claim (with the endorsed node's id), issuer, issuedOn, verification.</summary>
    public static IReadOnlyList<StructureIssue> Validate(JsonObject e)
    {
        var r = new StructureRules(e, string.Empty, Classes);
        r.Iri("id", required: true);
        r.Type(required: true, "Endorsement");
        if (r.Require("claim") && e["claim"] is JsonObject claim)
        {
            var c = new StructureRules(claim, "/claim", null);
            c.Iri("id", required: true);
            c.Text("endorsementComment", required: false);
            r.Issues.AddRange(c.Issues);
        }
        else if (e["claim"] is not null)
        {
            r.Error("claim", "claim must be an object naming the endorsed node by its id");
        }

        r.IdOrObject("issuer", required: true, many: false, embedded: null);
        r.DateTime("issuedOn", required: true);
        r.Require("verification");
        return r.Issues;
    }

    /// <summary>Rule 6: the claim is about the node the endorsement sits on.</summary>
    public static void CheckAttachedTo(JsonObject endorsement, VerificationContext context)
    {
        if (context.AttachedTo is not { SubjectId: { } expected } attached)
        {
            return;
        }

        var claimed = ClaimId(endorsement);
        var subject = JsonRead.String(endorsement, "id");
        if (claimed is not null && WebIdentity.SameId(claimed, expected))
        {
            context.Checks.Pass(Ob2CheckIds.AttachedTo, $"as {attached.Role}, the endorsement's claim is about {expected}", subject);
        }
        else
        {
            context.Checks.Fail(Ob2CheckIds.AttachedTo, $"as {attached.Role}, the endorsement must be about {expected}, but its claim is about {claimed ?? "(nothing)"}", subject);
        }
    }
}
