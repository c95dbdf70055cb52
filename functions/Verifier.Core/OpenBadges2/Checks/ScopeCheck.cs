using System.Text.Json.Nodes;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges2.Checks;

/// <summary>
/// Hosted verification scope (HostedBadge Verification; VerificationObject): the assertion id must start with one
/// of the issuer's <c>startsWith</c> values and be hosted on one of its <c>allowedOrigins</c> host names; with no
/// verification policy in the issuer Profile it must share the issuer id's origin (scheme, host and port).
/// </summary>
public static class ScopeCheck
{
    public static void Run(string assertionId, JsonObject issuer, CheckCollector checks)
    {
        if (!Uri.TryCreate(assertionId, UriKind.Absolute, out var assertionUri) || !JsonAccess.IsHttpUrl(assertionId))
        {
            checks.Fail(Ob2CheckIds.ScopeOrigin, $"a hosted assertion id must be an http(s) URL, not {assertionId}", assertionId);
            return;
        }

        var policy = issuer["verification"] as JsonObject;
        var startsWith = JsonAccess.Strings(policy?["startsWith"]);
        var allowedOrigins = JsonAccess.Strings(policy?["allowedOrigins"]);

        if (policy?["verificationProperty"] is { } property && JsonAccess.IdOf(property) is not ("id" or "@id"))
        {
            checks.Warn(Ob2CheckIds.ScopeStartsWith, "only id is supported as verificationProperty; id is used", assertionId);
        }

        if (startsWith.Count > 0)
        {
            var match = startsWith.FirstOrDefault(p => assertionId.StartsWith(p, StringComparison.Ordinal));
            if (match is null)
            {
                checks.Fail(Ob2CheckIds.ScopeStartsWith,
                    $"the assertion id {assertionId} does not start with any value the issuer allows ({string.Join(", ", startsWith)})", assertionId);
            }
            else
            {
                checks.Pass(Ob2CheckIds.ScopeStartsWith, $"the assertion id starts with {match}, as the issuer's verification policy allows", assertionId);
            }
        }

        if (allowedOrigins.Count > 0)
        {
            // allowedOrigins are host names ("the host registered name subcomponent"); a value with a port is compared with it.
            var ok = allowedOrigins.Any(o => string.Equals(o, assertionUri.Host, StringComparison.OrdinalIgnoreCase)
                || string.Equals(o, assertionUri.Authority, StringComparison.OrdinalIgnoreCase));
            if (ok)
            {
                checks.Pass(Ob2CheckIds.ScopeOrigin, $"the assertion is hosted on {assertionUri.Host}, an allowed origin of the issuer", assertionId);
            }
            else
            {
                checks.Fail(Ob2CheckIds.ScopeOrigin,
                    $"the assertion is hosted on {assertionUri.Host}, not on the issuer's allowed origins ({string.Join(", ", allowedOrigins)})", assertionId);
            }

            return;
        }

        if (startsWith.Count > 0)
        {
            return;
        }

        var issuerId = JsonAccess.String(issuer, "id");
        if (!Uri.TryCreate(issuerId, UriKind.Absolute, out var issuerUri) || !JsonAccess.IsHttpUrl(issuerId))
        {
            checks.Fail(Ob2CheckIds.ScopeOrigin, $"the issuer id {issuerId ?? "(none)"} has no http(s) origin to host assertions on", assertionId);
            return;
        }

        if (SameOrigin(assertionUri, issuerUri))
        {
            checks.Pass(Ob2CheckIds.ScopeOrigin, $"the assertion is hosted on the issuer's origin {issuerUri.GetLeftPart(UriPartial.Authority)}", assertionId);
        }
        else
        {
            checks.Fail(Ob2CheckIds.ScopeOrigin,
                $"the assertion is hosted on {assertionUri.GetLeftPart(UriPartial.Authority)}, not on the issuer's origin {issuerUri.GetLeftPart(UriPartial.Authority)}", assertionId);
        }
    }

    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
