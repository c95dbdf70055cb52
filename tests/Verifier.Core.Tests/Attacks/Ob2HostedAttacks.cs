using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob2World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 1 on OB 2.0 hosted assertions: a document speaks only for the URL it was finally fetched from. A copy of the
/// real assertion (or a forged one) served by the forger, declaring the real id, must never make the forger's
/// recipient the earner; the real platform serving its own assertion under a query string stays valid.
/// </summary>
public sealed class Ob2HostedAttacks
{
    private const string ForgerUrl = Evil + "/a";

    [Fact]
    public async Task Ob2Hosted_JsonInputIdOnForgerServingCopyDeclaringRealId_IsNotValidForAttacker()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(ForgerUrl, W.Hosted(W.AssertionId, W.Attacker));

        var report = await lab.TextAsync(W.Hosted(ForgerUrl, W.Attacker).ToJsonString(), recipient: W.Attacker);

        Expect.NotValid(report);
        Assert.NotEqual(W.HashOf(W.Attacker), report.Badge?.Recipient);
    }

    [Fact]
    public async Task Ob2Hosted_ForgerCopyDeclaringRealIdThatIsMissing_IsInvalidAndNotRealIssuers()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.ServeStatus(W.AssertionId, 404);
        lab.Serve(ForgerUrl, W.Hosted(W.AssertionId, W.Attacker));

        var report = await lab.TextAsync(W.Hosted(ForgerUrl, W.Attacker).ToJsonString());

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Hosted_UrlInputOnForgerServingCopyDeclaringRealId_IsNotValidForAttacker()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(ForgerUrl, W.Hosted(W.AssertionId, W.Attacker));

        var report = await lab.UrlAsync(ForgerUrl, recipient: W.Attacker);

        Expect.NotValid(report);
        Assert.NotEqual(W.HashOf(W.Attacker), report.Badge?.Recipient);
    }

    [Fact]
    public async Task Ob2Hosted_AssertionIdThroughRealOpenRedirectLandingOnForger_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var id = OpenRedirect(Evil + "/a2");
        lab.Serve(Evil + "/a2", W.Hosted(id, W.Attacker));

        var report = await lab.TextAsync(W.Hosted(id, W.Attacker).ToJsonString(), recipient: W.Attacker);

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Hosted_AssertionUrlThroughRealOpenRedirect_UrlInput_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var id = OpenRedirect(Evil + "/a3");
        lab.Serve(Evil + "/a3", W.Hosted(id, W.Attacker));

        var report = await lab.UrlAsync(id, recipient: W.Attacker);

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Hosted_IssuerProfileThroughRealOpenRedirectAllowingForgerOrigin_IsNotValid()
    {
        await using var lab = await StartAsync();
        var issuer = OpenRedirect(Evil + "/issuer");
        var profile = W.Profile(issuer);
        profile["verification"] = new JsonObject { ["allowedOrigins"] = new JsonArray(EvilHost) };
        lab.Serve(Evil + "/issuer", profile);
        lab.Serve(Evil + "/badge", W.Badge(Evil + "/badge", issuer));
        var id = Evil + "/a4";
        lab.Serve(id, W.Hosted(id, W.Attacker, Evil + "/badge"));

        var report = await lab.UrlAsync(id);

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Hosted_TenantAssertionNamingRealBadgeClass_DefaultPolicy_IsOnlyOriginLevel()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var id = Tenant("evil", "/assertions/1");
        lab.Serve(id, W.Hosted(id, W.Attacker));

        var report = await lab.UrlAsync(id);

        // The documented default-policy exception: anyone on the platform shares the origin, and the report says so.
        Expect.Valid(report);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.HostedOnIssuerOrigin);
    }

    [Fact]
    public async Task Ob2Hosted_TenantAssertionNamingRealBadgeClass_StrictPolicy_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var id = Tenant("evil", "/assertions/1");
        lab.Serve(id, W.Hosted(id, W.Attacker));

        var report = await lab.UrlAsync(id, IssuerPolicy.Strict);

        Expect.NotValid(report);
        Assert.Equal("strict", report.Policy);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Hosted_TenantAssertionOutsideRealStartsWith_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        world.Issuer["verification"] = new JsonObject { ["startsWith"] = Real + "/assertions/" };
        world.Publish(lab);
        var id = Tenant("evil", "/assertions/1");
        lab.Serve(id, W.Hosted(id, W.Attacker));

        var report = await lab.UrlAsync(id);

        Expect.Invalid(report);
        Expect.Check(report, Ob2CheckIds.ScopeStartsWith, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Ob2Hosted_TenantAssertionNamingForgersBadgeClassClaimingRealIssuer_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var badge = Evil + "/badges/fake-degree";
        lab.Serve(badge, W.Badge(badge, W.IssuerId));
        var id = Tenant("evil", "/assertions/2");
        lab.Serve(id, W.Hosted(id, W.Attacker, badge));

        var report = await lab.UrlAsync(id);

        // OB 2.0 HostedBadge Verification: the BadgeClass, too, is hosted on the issuer's origin.
        Expect.Invalid(report);
        Expect.Check(report, Ob2CheckIds.ScopeBadgeClass, CheckOutcome.Failed);
        Expect.NotAttributedToRealIssuer(report);
    }

    // ---- genuine twins ----

    [Fact]
    public async Task Ob2Hosted_GenuineAssertion_UrlInput_IsValidAndProvenByOrigin()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.UrlAsync(W.AssertionId, recipient: W.Victim);

        Expect.Valid(report);
        Expect.Check(report, Ob2CheckIds.Recipient, CheckOutcome.Passed);
        Assert.Equal(W.HashOf(W.Victim), report.Badge?.Recipient);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.HostedOnIssuerOrigin);
    }

    [Fact]
    public async Task Ob2Hosted_GenuineAssertion_JsonInput_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(W.Hosted(W.AssertionId, W.Victim).ToJsonString(), recipient: W.Victim);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.HostedOnIssuerOrigin);
    }

    [Fact]
    public async Task Ob2Hosted_GenuineServedWithQueryDeclaringCanonicalId_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        // The platform serves /assertions/x?v=2_0 and /assertions/x alike; the copy declares the canonical id (a fixed point).
        var report = await lab.UrlAsync(W.AssertionId + "?v=2_0", recipient: W.Victim);

        Expect.Valid(report);
        Assert.Equal(W.HashOf(W.Victim), report.Badge?.Recipient);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.HostedOnIssuerOrigin);
    }

    [Fact]
    public async Task Ob2Hosted_GenuineDeclaringHttpIdServedOverHttps_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var https = Real + "/assertions/h";
        lab.Serve(https, W.Hosted("http://real.edu/assertions/h", W.Victim));

        var report = await lab.UrlAsync(https, recipient: W.Victim);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.HostedOnIssuerOrigin);
    }

    [Fact]
    public async Task Ob2Hosted_GenuineUnderIssuerStartsWith_StrictPolicy_IsValidAtDocumentLevel()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        world.Issuer["verification"] = new JsonObject { ["startsWith"] = Real + "/assertions/" };
        world.Publish(lab);

        var report = await lab.UrlAsync(W.AssertionId, IssuerPolicy.Strict, W.Victim);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.IssuerDocument);
    }
}
