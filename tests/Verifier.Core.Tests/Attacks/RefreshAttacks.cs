using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 6 for refresh: the credential a refresh service returns must have the same issuer, the same subject and the
/// same achievement as the one presented; otherwise its nested report (<c>refreshed</c>) is invalid and the top level
/// warns. The presented credential keeps its own verdict.
/// </summary>
public sealed class RefreshAttacks
{
    private const string Service = Real + "/refresh/1";

    [Fact]
    public async Task Refresh_ReturnsValidCredentialOfAnotherIssuer_RefreshedInvalidTopLevelWarns()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var forger = world.EvilKey;
        ServeRefreshed(lab, W.Jwt(forger, W.Credential(issuerId: forger.DidKey, id: Real + "/credentials/2", url: null), kid: forger.DidKeyUrl));

        var report = await lab.TextAsync(Presented(world));

        AssertRefreshRefused(report);
    }

    [Fact]
    public async Task Refresh_ReturnsCredentialOfAnotherSubject_RefreshedInvalidTopLevelWarns()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        ServeRefreshed(lab, W.Jwt(world.RealKey, W.Credential(subjectId: W.OtherSubjectId, id: Real + "/credentials/2"), kid: W.KeyId));

        var report = await lab.TextAsync(Presented(world));

        AssertRefreshRefused(report);
    }

    [Fact]
    public async Task Refresh_ReturnsCredentialForAnotherAchievement_RefreshedInvalidTopLevelWarns()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        ServeRefreshed(lab, W.Jwt(world.RealKey, W.Credential(achievementId: Real + "/achievements/phd", id: Real + "/credentials/2"), kid: W.KeyId));

        var report = await lab.TextAsync(Presented(world));

        AssertRefreshRefused(report);
    }

    // ---- genuine twin ----

    [Fact]
    public async Task Refresh_ReturnsSameIssuerSubjectAndAchievement_RefreshedValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        ServeRefreshed(lab, W.Jwt(world.RealKey, W.Credential(id: Real + "/credentials/2", validFrom: "2026-05-01T00:00:00Z"), kid: W.KeyId));

        var report = await lab.TextAsync(Presented(world));

        Expect.Valid(report);
        Expect.Valid(report.Refreshed!);
        Expect.Check(report, Ob3CheckIds.Refresh, CheckOutcome.Passed);
    }

    private static void AssertRefreshRefused(VerificationReport report)
    {
        Expect.Valid(report);
        Assert.NotNull(report.Refreshed);
        Expect.Invalid(report.Refreshed!);
        Expect.Check(report, Ob3CheckIds.Refresh, CheckOutcome.Warning);
        Expect.TopLevelWarning(report);
    }

    private static void ServeRefreshed(AttackLab lab, string jwt) => lab.ServeText(Service, jwt, "application/vc+jwt");

    private static string Presented(W world)
    {
        var credential = W.Credential();
        credential["refreshService"] = new JsonObject { ["id"] = Service, ["type"] = "1EdTechCredentialRefresh" };
        return W.Jwt(world.RealKey, credential, kid: W.KeyId);
    }
}
