using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rules 1, 6 and 9 for Bitstring and StatusList2021 lists. The real issuer's credential (VC-JWT, key listed in its
/// issuer document) names a list on the third-party host status.example. A list issued by someone else, signed by
/// a key nothing binds to the issuer, reached through a redirect off the status host, or declaring another id than
/// where it was fetched never clears a revoked credential — in every policy for a foreign list.
/// </summary>
public sealed class StatusListAttacks
{
    private const string List = StatusOrigin + "/lists/1";
    private const int Index = 42;

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Status_BitstringListIssuedByForgerDidKeyWithBitClear_IsInvalidInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var forger = world.EvilKey;
        W.ServeListJwt(lab, List, W.StatusList(List, forger.DidKey, []), forger, kid: forger.DidKeyUrl);

        var report = await lab.TextAsync(Credential(world, W.StatusEntry(List, Index)), policy);

        Expect.Invalid(report);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Status_StatusList2021IssuedByForgerDidKeyWithBitClear_IsInvalidInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var forger = world.EvilKey;
        W.ServeListJwt(lab, List, W.StatusList(List, forger.DidKey, [], legacy: true), forger, kid: forger.DidKeyUrl);

        var report = await lab.TextAsync(Credential(world, W.StatusEntry(List, Index, "StatusList2021Entry")), policy);

        Expect.Invalid(report);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task Status_ListClaimingRealIssuerSignedWithHeaderJwk_IsInvalid(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        W.ServeListJwt(lab, List, W.StatusList(List, W.IssuerId, []), world.EvilKey, jwk: world.EvilKey.Jwk());

        var report = await lab.TextAsync(Credential(world, W.StatusEntry(List, Index)), policy);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.StatusList, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Status_ListClaimingRealIssuerSignedWithKeyOffIssuerOrigin_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(StatusOrigin + "/keys/1", world.EvilKey.Jwk());
        W.ServeListJwt(lab, List, W.StatusList(List, W.IssuerId, []), world.EvilKey, kid: StatusOrigin + "/keys/1");

        var report = await lab.TextAsync(Credential(world, W.StatusEntry(List, Index)));

        Expect.Invalid(report);
    }

    [Fact]
    public async Task Status_ListUrlRedirectingOffStatusHostToOldGenuineCopy_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        // The old list (bit clear) was genuinely signed by the issuer; the current one says revoked but is not reached.
        lab.Redirect(List, Evil + "/lists/1");
        W.ServeListJwt(lab, Evil + "/lists/1", W.StatusList(List, W.IssuerId, []), world.RealKey, kid: W.KeyId);

        var report = await lab.TextAsync(Credential(world, W.StatusEntry(List, Index)));

        Expect.NotValid(report);
    }

    [Fact]
    public async Task Status_ListDeclaringAnotherIdThatIsMissing_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        W.ServeListJwt(lab, List, W.StatusList(StatusOrigin + "/lists/1-archive", W.IssuerId, []), world.RealKey, kid: W.KeyId);
        lab.ServeStatus(StatusOrigin + "/lists/1-archive", 404);

        var report = await lab.TextAsync(Credential(world, W.StatusEntry(List, Index)));

        Expect.NotValid(report);
    }

    [Fact]
    public async Task Status_ListVcJwtWhoseOwnExpHasPassed_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var expired = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        W.ServeListJwt(lab, List, W.StatusList(List, W.IssuerId, []), world.RealKey, kid: W.KeyId, payload: p => p["exp"] = expired);

        var report = await lab.TextAsync(Credential(world, W.StatusEntry(List, Index)));

        Expect.Indeterminate(report);
    }

    // ---- genuine twins ----

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task Status_GenuineListOfTheIssuer_DecidesByItsBit(bool legacy, bool revoked)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        W.ServeListJwt(lab, List, W.StatusList(List, W.IssuerId, revoked ? [Index] : [7], legacy), world.RealKey, kid: W.KeyId);

        var report = await lab.TextAsync(Credential(world, W.StatusEntry(List, Index, legacy ? "StatusList2021Entry" : "BitstringStatusListEntry")), IssuerPolicy.Strict);

        Expect.Outcome(report, revoked ? VerificationOutcome.Invalid : VerificationOutcome.Valid);
        Expect.Check(report, Ob3CheckIds.Status, revoked ? CheckOutcome.Failed : CheckOutcome.Passed);
    }

    [Fact]
    public async Task Status_GenuineListServedWithQueryDeclaringCanonicalId_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        W.ServeListJwt(lab, List, W.StatusList(List, W.IssuerId, [7]), world.RealKey, kid: W.KeyId);

        var report = await lab.TextAsync(Credential(world, W.StatusEntry(List + "?format=jwt", Index)));

        Expect.Valid(report);
        Expect.Check(report, Ob3CheckIds.Status, CheckOutcome.Passed);
    }

    /// <summary>The real issuer's genuine credential (key listed in its issuer document) with the given status entries.</summary>
    internal static string Credential(W world, params JsonObject[] entries) =>
        W.Jwt(world.RealKey, W.WithStatus(W.Credential(), entries), kid: W.KeyId);
}
