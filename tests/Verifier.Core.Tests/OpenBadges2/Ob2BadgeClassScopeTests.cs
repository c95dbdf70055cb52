using static Verifier.Core.Tests.OpenBadges2.Ob2TestIssuer;

namespace Verifier.Core.Tests.OpenBadges2;

/// <summary>OB 2.0 HostedBadge Verification: the hosted BadgeClass is on the issuer's origin (or an origin it allows).</summary>
public sealed class Ob2BadgeClassScopeTests
{
    private const string ElsewhereBadge = "https://other.example/other-badge.json";

    [Fact]
    public async Task VerifyAsync_BadgeClassOnIssuerOrigin_Passed()
    {
        await using var issuer = await PublishAsync();

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        ReportAssert.Valid(report);
        ReportAssert.Has(report, Ob2CheckIds.ScopeBadgeClass, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_BadgeClassOnAnotherOrigin_Invalid()
    {
        await using var issuer = await PublishAsync(elsewhere: true);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.ScopeBadgeClass, CheckOutcome.Failed);
        Assert.False(report.Issuer?.Verified);
    }

    [Fact]
    public async Task VerifyAsync_BadgeClassOnAnOriginTheIssuerAllows_Passed()
    {
        await using var issuer = await PublishAsync(elsewhere: true, policy: new JsonObject { ["allowedOrigins"] = new JsonArray("issuer.example", "other.example") });

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        ReportAssert.Valid(report);
        ReportAssert.Has(report, Ob2CheckIds.ScopeBadgeClass, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_EmbeddedBadgeClass_NotJudgedSeparately()
    {
        await using var issuer = await PublishAsync();
        var assertion = Assertion();
        assertion["badge"] = issuer.BadgeClass.DeepClone();
        issuer.Serve(AssertionUrl, assertion);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        ReportAssert.Valid(report);
        Assert.DoesNotContain(report.Checks, c => c.Id == Ob2CheckIds.ScopeBadgeClass);
    }

    [Fact]
    public async Task VerifyAsync_SignedBadgeWithBadgeClassElsewhere_NotJudgedByTheHostedRule()
    {
        await using var issuer = await PublishAsync(elsewhere: true);
        var assertion = Assertion(signed: true);
        assertion["badge"] = ElsewhereBadge;

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, issuer.Key)));

        ReportAssert.Valid(report);
        Assert.DoesNotContain(report.Checks, c => c.Id == Ob2CheckIds.ScopeBadgeClass);
    }

    private static async Task<Ob2TestIssuer> PublishAsync(bool elsewhere = false, JsonObject? policy = null)
    {
        var issuer = await StartAsync();
        if (policy is not null)
        {
            issuer.Issuer["verification"] = policy;
        }

        issuer.Publish();
        var assertion = Assertion();
        if (elsewhere)
        {
            var badge = issuer.BadgeClass.DeepClone().AsObject();
            badge["id"] = ElsewhereBadge;
            issuer.Serve(ElsewhereBadge, badge);
            assertion["badge"] = ElsewhereBadge;
        }

        issuer.Serve(AssertionUrl, assertion);
        return issuer;
    }
}
