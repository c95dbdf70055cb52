using System.Text.Json.Nodes;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Recipients;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges2.Checks;

/// <summary>"The Assertion was awarded to a valid property value of the expected recipient" (Verification).</summary>
public static class RecipientCheck
{
    public static void Run(JsonObject assertion, string? expected, CheckCollector checks)
    {
        var id = JsonAccess.String(assertion, "id");
        if (string.IsNullOrWhiteSpace(expected))
        {
            checks.Skip(Ob2CheckIds.Recipient, "no expected recipient was given, so the recipient was not compared", id);
            return;
        }

        var recipient = assertion["recipient"] as JsonObject;
        var identity = JsonAccess.String(recipient, "identity");
        if (identity is null)
        {
            checks.Fail(Ob2CheckIds.Recipient, "the assertion has no recipient identity to compare with", id);
            return;
        }

        var hashed = JsonAccess.Boolean(recipient, "hashed") ?? false;
        var type = JsonAccess.String(recipient, "type") ?? "email";
        var kind = type switch
        {
            "email" or "http://schema.org/email" => RecipientKind.Email,
            "url" or "http://schema.org/url" => RecipientKind.Url,
            "telephone" or "http://schema.org/telephone" => RecipientKind.Telephone,
            _ => RecipientMatcher.Classify(expected),
        };

        if (RecipientMatcher.Matches(expected, kind, identity, hashed, JsonAccess.String(recipient, "salt")))
        {
            checks.Pass(Ob2CheckIds.Recipient, $"the badge was awarded to the expected {type} recipient{(hashed ? " (hashed identity)" : string.Empty)}", id);
        }
        else
        {
            checks.Fail(Ob2CheckIds.Recipient, $"the badge was not awarded to {expected} (recipient {type}{(hashed ? ", hashed" : string.Empty)} does not match)", id);
        }
    }
}
