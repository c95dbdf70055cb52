using static Verifier.Core.Tests.Attacks.AttackLab;
using W2 = Verifier.Core.Tests.Attacks.Ob2World;
using W3 = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Summary spoofing: a badge its maker signed honestly may still claim the real issuer's name and homepage. The
/// report's issuer block names the identity that was proven, shows name and url as claims, and warns
/// (<c>issuer.url-unverified</c>) when the stated url is not on the proven identity's origin.
/// </summary>
public sealed class SummarySpoofingAttacks
{
    private const string UrlUnverified = "issuer.url-unverified";

    [Fact]
    public async Task Ob3_DidKeyIssuerClaimingRealUrlAndName_IsProvenAsTheDidKeyWithUrlWarning()
    {
        await using var lab = await StartAsync();
        using var world = new W3();
        var forger = world.EvilKey;

        var report = await lab.TextAsync(W3.Jwt(forger, W3.Credential(issuerId: forger.DidKey), kid: forger.DidKeyUrl));

        Expect.Valid(report);
        Expect.IssuerProven(report, forger.DidKey, IssuerProofs.DidKeyIssuer);
        Assert.Equal(Real, report.Issuer!.Url);
        Expect.Check(report, UrlUnverified, CheckOutcome.Warning);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob3_ForgerUrlIssuerClaimingRealUrlAndName_IsProvenAsTheForgerWithUrlWarning()
    {
        await using var lab = await StartAsync();
        using var world = new W3();
        var issuer = Evil + "/issuer";
        lab.Serve(issuer, W3.IssuerDocument(issuer, [("key-1", world.EvilKey)]));

        var report = await lab.TextAsync(W3.Jwt(world.EvilKey, W3.Credential(issuerId: issuer), kid: issuer + "#key-1"));

        Expect.Valid(report);
        Expect.IssuerProven(report, issuer, IssuerProofs.IssuerDocument);
        Expect.Check(report, UrlUnverified, CheckOutcome.Warning);
    }

    [Fact]
    public async Task Ob2Hosted_ForgerProfileClaimingRealUrlAndName_IsProvenAsTheForgerWithUrlWarning()
    {
        await using var lab = await StartAsync();
        var issuer = Evil + "/issuer";
        lab.Serve(issuer, W2.Profile(issuer));
        lab.Serve(Evil + "/badge", W2.Badge(Evil + "/badge", issuer));
        var id = Evil + "/assertions/1";
        lab.Serve(id, W2.Hosted(id, W2.Attacker, Evil + "/badge"));

        var report = await lab.UrlAsync(id);

        Expect.Valid(report);
        Assert.Equal("Real University", report.Badge?.IssuerName);
        Expect.IssuerProven(report, issuer, IssuerProofs.HostedOnIssuerOrigin);
        Expect.Check(report, UrlUnverified, CheckOutcome.Warning);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Signed_ForgerProfileClaimingRealUrl_IsProvenAsTheForgerWithUrlWarning()
    {
        await using var lab = await StartAsync();
        using var world = new W2();
        var issuer = Evil + "/issuer";
        lab.Serve(issuer, W2.Profile(issuer, Evil + "/keys/1"));
        lab.Serve(Evil + "/keys/1", W2.Key(Evil + "/keys/1", issuer, world.EvilKey));
        lab.Serve(Evil + "/badge", W2.Badge(Evil + "/badge", issuer));

        var report = await lab.TextAsync(W2.Sign(W2.Signed(W2.Attacker, Evil + "/keys/1", Evil + "/badge"), world.EvilKey));

        Expect.Valid(report);
        Expect.IssuerProven(report, issuer, IssuerProofs.IssuerDocument);
        Expect.Check(report, UrlUnverified, CheckOutcome.Warning);
    }

    // ---- genuine twins ----

    [Fact]
    public async Task Ob3_GenuineRealIssuerStatingItsOwnUrl_HasNoUrlWarning()
    {
        await using var lab = await StartAsync();
        using var world = new W3();
        world.PublishIssuer(lab);

        var report = await lab.TextAsync(W3.Jwt(world.RealKey, W3.Credential(), kid: W3.KeyId));

        Expect.Valid(report);
        Expect.IssuerProven(report, W3.IssuerId, IssuerProofs.IssuerDocument);
        Assert.Equal(Real, report.Issuer!.Url);
        Assert.Equal("Real University", report.Issuer.Name);
        Expect.NoCheck(report, UrlUnverified, CheckOutcome.Warning);
    }

    [Fact]
    public async Task Ob2Hosted_GenuineRealProfileStatingItsOwnUrl_HasNoUrlWarning()
    {
        await using var lab = await StartAsync();
        using var world = new W2();
        world.Publish(lab);

        var report = await lab.UrlAsync(W2.AssertionId);

        Expect.Valid(report);
        Expect.IssuerProven(report, W2.IssuerId, IssuerProofs.HostedOnIssuerOrigin);
        Assert.Equal(Real, report.Issuer!.Url);
        Expect.NoCheck(report, UrlUnverified, CheckOutcome.Warning);
    }
}
