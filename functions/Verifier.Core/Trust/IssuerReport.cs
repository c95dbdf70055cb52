using Verifier.Core.Engine;
using Verifier.Core.Keys;
using Verifier.Core.Reporting;

namespace Verifier.Core.Trust;

/// <summary>
/// Fills the report's <c>issuer</c> block: what was proven (identity, level, the proving document) apart from what
/// the issuer's documents merely state (name, url). A stated homepage off the proven identity's origin is a claim
/// nobody checked, and the report says so (check <see cref="UrlUnverified"/>), so that no summary presents it as proof.
/// </summary>
internal static class IssuerReport
{
    public const string UrlUnverified = "issuer.url-unverified";

    /// <param name="context">The verification whose report gets the block.</param>
    /// <param name="identity">The proven identity (URL, DID or origin), or the claimed issuer id when nothing was proven.</param>
    /// <param name="verifiedBy">How it was proven (<see cref="IssuerProofs"/>), or null when it was not (or the policy refused the proof).</param>
    /// <param name="document">The document that proves it.</param>
    /// <param name="name">The issuer's name as stated.</param>
    /// <param name="url">The issuer's homepage as stated.</param>
    public static void Set(VerificationContext context, string? identity, string? verifiedBy, string? document, string? name, string? url)
    {
        ArgumentNullException.ThrowIfNull(context);
        var verified = verifiedBy is not null && verifiedBy != IssuerProofs.None;
        context.Issuer = new IssuerInfo
        {
            Id = identity,
            Verified = verified,
            VerifiedBy = verified ? verifiedBy! : IssuerProofs.None,
            Document = verified ? document : null,
            Name = name,
            Url = url,
        };

        if (url is not null && (!verified || !OnIdentityOrigin(url, identity)))
        {
            context.Checks.Warn(UrlUnverified, verified
                ? $"the issuer states its homepage is {url}, which is not on the origin of its verified identity {identity}: that is only a claim"
                : $"the issuer states its homepage is {url}; nothing verified ties the badge to it", url);
        }
    }

    /// <summary>From a key binding: verified only when the binding is at a level the context's policy accepts.</summary>
    public static void Set(VerificationContext context, IssuerBindingResult? binding, string? issuerId, string? name, string? url)
    {
        ArgumentNullException.ThrowIfNull(context);
        var accepted = binding is { IssuerKeyBound: true } && IssuerBinding.Accepts(context.Policy, binding.Level);
        Set(context, issuerId, accepted ? binding!.VerifiedBy : null, binding?.Document, name, url);
    }

    /// <summary>Whether a stated URL is on the web origin an identity controls (an http(s) URL, or a did:web's host).</summary>
    public static bool OnIdentityOrigin(string url, string? identity)
    {
        if (identity is not null && WebIdentity.StartsWithOriginOf(url, identity))
        {
            return true;
        }

        if (WebIdentity.HttpUrl(url) is not { } stated || identity is null)
        {
            return false;
        }

        if (WebIdentity.HttpUrl(identity) is { } web)
        {
            return WebIdentity.SameSite(stated, web);
        }

        return identity.StartsWith("did:web:", StringComparison.Ordinal)
            && DidResolvers.DidWebUrl(DidResolvers.SplitFragment(identity).Base) is { } didUrl
            && WebIdentity.SameSite(stated, didUrl);
    }
}
