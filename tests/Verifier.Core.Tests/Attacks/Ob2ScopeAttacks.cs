using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob2World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 2, hosted verification scope: <c>startsWith</c> prefixes match on a URL boundary, and <c>startsWith</c>
/// without <c>allowedOrigins</c> still requires the issuer's origin. Each attack hosts an assertion that names the
/// real BadgeClass (anyone may link to it) somewhere the real issuer did not authorize.
/// </summary>
public sealed class Ob2ScopeAttacks
{
    [Fact]
    public async Task Ob2Scope_LookAlikeHostMatchingStartsWithPrefixTextually_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        world.Issuer["verification"] = new JsonObject { ["startsWith"] = Real };
        world.Publish(lab);
        var id = LookAlike + "/assertions/1";
        lab.Serve(id, W.Hosted(id, W.Attacker));

        var report = await lab.UrlAsync(id, recipient: W.Attacker);

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    // Within an origin startsWith is the specification's plain prefix (the 1EdTech validator's own fixture expects
    // "https://example.org/beths" to admit ".../beths-robotics-badge.json"), so a tenant's path is kept out by a
    // prefix that ends in "/" (docs/security.md rule 2). The origin boundary is the look-alike host test above.
    [Fact]
    public async Task Ob2Scope_PathPrefixEndingInSlash_OtherTenantsPath_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        world.Issuer["verification"] = new JsonObject { ["startsWith"] = Real + "/badges/" };
        world.Publish(lab);
        var id = Real + "/badges-tenant2/a1";
        lab.Serve(id, W.Hosted(id, W.Attacker));

        var report = await lab.UrlAsync(id, recipient: W.Attacker);

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Scope_StartsWithOnlyPolicyNamingAnotherOrigin_StillNeedsIssuerOrigin_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        world.Issuer["verification"] = new JsonObject { ["startsWith"] = new JsonArray(Real + "/assertions/", Evil + "/shared/") };
        world.Publish(lab);
        var id = Evil + "/shared/1";
        lab.Serve(id, W.Hosted(id, W.Attacker));

        var report = await lab.UrlAsync(id, recipient: W.Attacker);

        Expect.Invalid(report);
        Expect.Check(report, Ob2CheckIds.ScopeOrigin, CheckOutcome.Failed);
    }

    // ---- genuine twins ----

    [Fact]
    public async Task Ob2Scope_GenuineUnderPathPrefixOnBoundary_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        world.Issuer["verification"] = new JsonObject { ["startsWith"] = Real + "/badges" };
        world.Publish(lab);
        var id = Real + "/badges/a1";
        lab.Serve(id, W.Hosted(id, W.Victim));

        var report = await lab.UrlAsync(id, recipient: W.Victim);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.IssuerDocument);
    }

    [Fact]
    public async Task Ob2Scope_GenuineOnOriginTheIssuerAllows_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        world.Issuer["verification"] = new JsonObject { ["allowedOrigins"] = new JsonArray(RealHost, StatusHost) };
        world.Publish(lab);
        var id = StatusOrigin + "/assertions/1";
        lab.Serve(id, W.Hosted(id, W.Victim));

        var report = await lab.UrlAsync(id, recipient: W.Victim);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.HostedOnIssuerOrigin);
    }
}
