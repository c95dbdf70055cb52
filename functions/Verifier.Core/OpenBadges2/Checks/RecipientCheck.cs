using System.Text.Json.Nodes;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Recipients;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges2.Checks;

/// <summary>
/// "The Assertion was awarded to a valid property value of the expected recipient" (Verification): the expected
/// value's kind (read from its syntax) must be the kind recipient.type declares, e.g. "a known email address value
/// for email type recipient IdentityObject"; values of different kinds are never compared.
/// </summary>
internal static class RecipientCheck
{
    public static void Run(JsonObject assertion, string? expected, CheckCollector checks)
    {
        var id = JsonRead.String(assertion, "id");
        if (string.IsNullOrWhiteSpace(expected))
        {
            checks.Skip(Ob2CheckIds.Recipient, "no expected recipient was given, so the recipient was not compared", id);
            return;
        }

        var recipient = assertion["recipient"] as JsonObject;
        var identity = JsonRead.String(recipient, "identity");
        if (identity is null)
        {
            checks.Fail(Ob2CheckIds.Recipient, "the assertion has no recipient identity to compare with", id);
            return;
        }

        var hashed = JsonRead.Boolean(recipient, "hashed") ?? false;
        var type = JsonRead.String(recipient, "type");
        var kind = IdentityTypes.FromOb2(type);
        var typeText = type ?? "email (no type given)";
        switch (RecipientMatcher.Compare(expected, kind, identity, hashed, JsonRead.String(recipient, "salt")))
        {
            case RecipientMatch.Match:
                checks.Pass(Ob2CheckIds.Recipient, $"the badge was awarded to the expected {typeText} recipient{(hashed ? " (hashed identity)" : string.Empty)}", id);
                break;
            case RecipientMatch.KindMismatch:
                var expectedKind = RecipientSyntax.Classify(expected);
                checks.Fail(Ob2CheckIds.Recipient,
                    $"the badge was not awarded to {expected}: that is {RecipientSyntax.Describe(expectedKind)}, but the badge names its recipient by {RecipientSyntax.Describe(kind)} (recipient type {typeText}); identifiers of different kinds never match", id);
                break;
            default:
                checks.Fail(Ob2CheckIds.Recipient, $"the badge was not awarded to {expected} (recipient {typeText}{(hashed ? ", hashed" : string.Empty)} does not match)", id);
                break;
        }
    }
}
