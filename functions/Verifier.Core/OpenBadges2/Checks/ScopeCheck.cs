using System.Text.Json.Nodes;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges2.Checks;

/// <summary>
/// Hosted verification scope (HostedBadge Verification; VerificationObject), judged on the URL the hosted assertion
/// was finally served from (docs/security.md rule 1) and the identity of the issuer Profile. A 2.0 Profile's
/// <c>verification</c> policy may narrow the scope with <c>startsWith</c> (compared on a URL boundary) and widen the
/// hosts with <c>allowedOrigins</c>, whose default is the issuer id's origin — so <c>startsWith</c> alone still
/// requires that origin. 0.5, 1.0 and 1.1 issuers carry no policy: same origin only (rule 2).
/// </summary>
internal static class ScopeCheck
{
    /// <param name="assertion">The URL the hosted assertion speaks for.</param>
    /// <param name="issuerIdentity">The issuer's identity: the hosted Profile's URL (1.1, 2.0) or the issuer's origin (0.5, 1.0).</param>
    /// <param name="policyIssuer">The hosted 2.0 Profile whose verification policy applies; null for legacy issuers (no policy).</param>
    /// <param name="checks">Where the outcome is recorded.</param>
    /// <returns>How the assertion is tied to the issuer (<see cref="IssuerProofs"/>), or null when it is out of scope.</returns>
    public static string? Run(Uri assertion, Uri issuerIdentity, JsonObject? policyIssuer, CheckCollector checks)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        ArgumentNullException.ThrowIfNull(issuerIdentity);
        ArgumentNullException.ThrowIfNull(checks);
        var subject = assertion.AbsoluteUri;
        var policy = policyIssuer?["verification"] as JsonObject;
        var startsWith = JsonRead.Strings(policy?["startsWith"]);
        var allowedOrigins = JsonRead.Strings(policy?["allowedOrigins"]);

        if (policy?["verificationProperty"] is { } property && JsonRead.IdOf(property) is not ("id" or "@id"))
        {
            checks.Warn(Ob2CheckIds.ScopeStartsWith, "only id is supported as verificationProperty; id is used", subject);
        }

        var prefixMatched = false;
        if (startsWith.Count > 0)
        {
            var match = startsWith.FirstOrDefault(p => WebIdentity.HttpUrl(p) is { } prefix && WebIdentity.StartsWithOnBoundary(assertion, prefix));
            if (match is null)
            {
                checks.Fail(Ob2CheckIds.ScopeStartsWith,
                    $"the assertion {subject} does not start (on a URL boundary) with any value the issuer allows ({string.Join(", ", startsWith)})", subject);
                return null;
            }

            checks.Pass(Ob2CheckIds.ScopeStartsWith, $"the assertion starts with {match}, as the issuer's own verification policy allows", subject);
            prefixMatched = true;
        }

        var inScope = allowedOrigins.Count > 0 ? AllowedOrigin(assertion, allowedOrigins, checks) : DefaultOrigin(assertion, issuerIdentity, checks);
        if (!inScope)
        {
            return null;
        }

        // A prefix in the issuer's own Profile names the assertion's URL space: the issuer's document vouches for it.
        // Otherwise only an origin does, and every publisher on that origin shares it.
        return prefixMatched ? IssuerProofs.IssuerDocument : IssuerProofs.HostedOnIssuerOrigin;
    }

    /// <summary>
    /// Whether <paramref name="url"/> is on one of a VerificationObject's <c>allowedOrigins</c>: host names ("the host
    /// registered name subcomponent"); a value with a port is compared with it.
    /// </summary>
    public static bool OnAllowedOrigin(Uri url, IReadOnlyList<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        return allowedOrigins.Any(o => string.Equals(o, url.IdnHost, StringComparison.OrdinalIgnoreCase)
            || string.Equals(o, url.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(o, url.Authority, StringComparison.OrdinalIgnoreCase));
    }

    private static bool AllowedOrigin(Uri assertion, IReadOnlyList<string> allowedOrigins, CheckCollector checks)
    {
        var ok = OnAllowedOrigin(assertion, allowedOrigins);
        if (ok)
        {
            checks.Pass(Ob2CheckIds.ScopeOrigin, $"the assertion is hosted on {assertion.Host}, an allowed origin of the issuer", assertion.AbsoluteUri);
        }
        else
        {
            checks.Fail(Ob2CheckIds.ScopeOrigin,
                $"the assertion is hosted on {assertion.Host}, not on the issuer's allowed origins ({string.Join(", ", allowedOrigins)})", assertion.AbsoluteUri);
        }

        return ok;
    }

    private static bool DefaultOrigin(Uri assertion, Uri issuerIdentity, CheckCollector checks)
    {
        if (WebIdentity.SameOrigin(assertion, issuerIdentity))
        {
            checks.Pass(Ob2CheckIds.ScopeOrigin, $"the assertion is hosted on the issuer's origin {WebIdentity.OriginOf(issuerIdentity)}", assertion.AbsoluteUri);
            return true;
        }

        checks.Fail(Ob2CheckIds.ScopeOrigin,
            $"the assertion is hosted on {WebIdentity.OriginOf(assertion)}, not on the issuer's origin {WebIdentity.OriginOf(issuerIdentity)}", assertion.AbsoluteUri);
        return false;
    }
}
