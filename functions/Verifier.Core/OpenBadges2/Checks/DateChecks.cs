using System.Text.Json.Nodes;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges2.Checks;

/// <summary>
/// Time checks against the verification instant (VerificationContext.Now) with the configured clock skew:
/// issuedOn must not be in the future; a past <c>expires</c> means expired ("After this time, the badge should be
/// considered expired", Assertion.expires); <c>expires</c> before <c>issuedOn</c> is contradictory.
/// </summary>
internal static class DateChecks
{
    public static void Run(JsonObject assertion, DateTimeOffset now, TimeSpan skew, CheckCollector checks)
    {
        var issuedOn = Ob2DateTime.Parse(JsonRead.String(assertion, "issuedOn"));
        var expires = Ob2DateTime.Parse(JsonRead.String(assertion, "expires"));
        var id = JsonRead.String(assertion, "id");

        if (issuedOn is null)
        {
            checks.Skip(Ob2CheckIds.IssuedOn, "the assertion has no readable issuedOn", id);
        }
        else if (issuedOn.Value > now + skew)
        {
            checks.Fail(Ob2CheckIds.IssuedOn, $"the assertion is issued in the future ({issuedOn.Value:O}, now {now:O})", id);
        }
        else
        {
            checks.Pass(Ob2CheckIds.IssuedOn, $"issued on {issuedOn.Value:O}", id);
        }

        if (expires is null)
        {
            if (assertion["expires"] is null)
            {
                checks.Pass(Ob2CheckIds.Expires, "the assertion does not expire", id);
            }

            return;
        }

        if (issuedOn is not null && expires.Value < issuedOn.Value)
        {
            checks.Fail(Ob2CheckIds.Expires, $"expires ({expires.Value:O}) is before issuedOn ({issuedOn.Value:O})", id);
        }
        else if (expires.Value < now - skew)
        {
            checks.Fail(Ob2CheckIds.Expires, $"the assertion expired on {expires.Value:O}", id);
        }
        else
        {
            checks.Pass(Ob2CheckIds.Expires, $"the assertion is valid until {expires.Value:O}", id);
        }
    }
}
