using System.Text.Json.Nodes;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges2.Checks;

/// <summary>
/// OB 2.0 HostedBadge Verification: the issuer's scope "defaults to requiring the Assertion and BadgeClass to be
/// hosted on the same origin as the issuer Profile id". A hosted BadgeClass — what the badge is: its name, criteria
/// and image — must therefore be served from the issuer id's origin or, when the issuer's own Profile declares
/// <c>allowedOrigins</c>, from one of those hosts (the issuer's own origin stays allowed: it is the issuer's). Judged
/// on the URL the BadgeClass was finally served from (docs/security.md rule 1). An embedded BadgeClass is part of the
/// hosted assertion, whose own scope is checked. <c>startsWith</c> names assertion URLs, not BadgeClasses.
/// </summary>
internal static class BadgeClassScopeCheck
{
    /// <param name="badgeClass">The URL the BadgeClass was served from.</param>
    /// <param name="issuerIdentity">The URL the issuer Profile was served from.</param>
    /// <param name="policyIssuer">The hosted 2.0 Profile whose verification policy applies.</param>
    /// <param name="checks">Where the outcome is recorded.</param>
    public static bool Run(Uri badgeClass, Uri issuerIdentity, JsonObject? policyIssuer, CheckCollector checks)
    {
        ArgumentNullException.ThrowIfNull(badgeClass);
        ArgumentNullException.ThrowIfNull(issuerIdentity);
        ArgumentNullException.ThrowIfNull(checks);
        var subject = badgeClass.AbsoluteUri;
        if (WebIdentity.SameOrigin(badgeClass, issuerIdentity))
        {
            checks.Pass(Ob2CheckIds.ScopeBadgeClass, $"the BadgeClass is hosted on the issuer's origin {WebIdentity.OriginOf(issuerIdentity)}", subject);
            return true;
        }

        var allowed = JsonRead.Strings((policyIssuer?["verification"] as JsonObject)?["allowedOrigins"]);
        if (ScopeCheck.OnAllowedOrigin(badgeClass, allowed))
        {
            checks.Pass(Ob2CheckIds.ScopeBadgeClass, $"the BadgeClass is hosted on {badgeClass.Host}, an allowed origin of the issuer", subject);
            return true;
        }

        checks.Fail(Ob2CheckIds.ScopeBadgeClass, allowed.Count == 0
            ? $"the BadgeClass is hosted on {WebIdentity.OriginOf(badgeClass)}, not on the issuer's origin {WebIdentity.OriginOf(issuerIdentity)}: for a hosted badge what the badge is must come from the issuer's origin"
            : $"the BadgeClass is hosted on {badgeClass.Host}, neither on the issuer's origin {WebIdentity.OriginOf(issuerIdentity)} nor on its allowed origins ({string.Join(", ", allowed)})", subject);
        return false;
    }
}
