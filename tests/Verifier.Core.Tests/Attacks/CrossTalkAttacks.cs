using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 8, requests never change each other's verdicts: two requests with different At, Policy, Recipient or fetch
/// budgets go through ONE engine (one ServiceProvider, shared caches) — one after the other in both orders, and
/// concurrently — and each must reach the verdict it reaches alone on a fresh engine.
/// </summary>
public sealed class CrossTalkAttacks
{
    public static TheoryData<string> Orders => new() { "A then B", "B then A", "concurrent" };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task CrossTalk_StatusListProofCreatedAfterRequestAsAt_NeitherRequestChangesTheOther(string order)
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var issuer = world.RealKey;
        var list = StatusOrigin + "/lists/1";
        // The list's proof was made on 1 March: as of 1 February (request A) it does not exist yet; now (B) it is fine.
        lab.Serve(list, DiSign.Jcs(W.StatusList(list, issuer.DidKey, [7]), issuer, issuer.DidKeyUrl, created: "2026-03-01T00:00:00Z"));
        var badge = Input(W.Jwt(issuer, W.WithStatus(W.Credential(issuerId: issuer.DidKey, url: null), W.StatusEntry(list, 42)), kid: issuer.DidKeyUrl));
        var a = Request(badge, at: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var b = Request(badge);

        var (ra, rb) = await RunAsync(lab, order, a, b);

        Expect.Valid(rb);
        await SameAsAloneAsync(lab, ra, a);
        await SameAsAloneAsync(lab, rb, b);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task CrossTalk_LenientThenDefaultForUnboundStatusListKey_DefaultStaysInvalid(string order)
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var issuer = world.RealKey;
        var list = StatusOrigin + "/lists/1";
        W.ServeListJwt(lab, list, W.StatusList(list, issuer.DidKey, [7]), world.EvilKey, jwk: world.EvilKey.Jwk());
        var badge = Input(W.Jwt(issuer, W.WithStatus(W.Credential(issuerId: issuer.DidKey, url: null), W.StatusEntry(list, 42)), kid: issuer.DidKeyUrl));
        var a = Request(badge, policy: IssuerPolicy.Lenient);
        var b = Request(badge, policy: IssuerPolicy.Default);

        var (ra, rb) = await RunAsync(lab, order, a, b);

        Expect.Invalid(rb);
        await SameAsAloneAsync(lab, ra, a);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task CrossTalk_StrictAndDefaultForOriginLevelKey_EachKeepsItsOwnVerdict(string order)
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.IssuerId, W.IssuerDocument(W.IssuerId, []));
        var kid = Tenant("evil", "/keys/1");
        lab.Serve(kid, W.KeyDocument(kid, world.EvilKey));
        var badge = Input(W.Jwt(world.EvilKey, W.Credential(), kid: kid));
        var a = Request(badge, policy: IssuerPolicy.Strict);
        var b = Request(badge, policy: IssuerPolicy.Default);

        var (ra, rb) = await RunAsync(lab, order, a, b);

        await SameAsAloneAsync(lab, ra, a);
        await SameAsAloneAsync(lab, rb, b);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task CrossTalk_TwoRecipientsForOneBadge_EachKeepsItsOwnVerdict(string order)
    {
        await using var lab = await StartAsync();
        using var world = new Ob2World();
        world.Publish(lab);
        var badge = VerificationInput.FromUrl(new Uri(Ob2World.AssertionId));
        var a = Request(badge, recipient: Ob2World.Victim);
        var b = Request(badge, recipient: Ob2World.Attacker);

        var (ra, rb) = await RunAsync(lab, order, a, b);

        Expect.Valid(ra);
        Expect.Invalid(rb);
    }

    [Fact]
    public async Task CrossTalk_RequestExhaustingItsFetchBudget_NeverFailsALaterRequestForTheSameKeyAndList()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        using var statusKey = TestKey.Ed25519();
        lab.Serve(W.IssuerId, W.IssuerDocument(W.IssuerId, []));
        lab.Serve(Real + "/keys/1", world.RealKey.Jwk());
        lab.Serve(Real + "/keys/2", statusKey.Jwk());
        var entries = new List<JsonObject>();
        for (var i = 0; i < 20; i++)
        {
            var url = $"{Real}/status/l{i}";
            W.ServeListJwt(lab, url, W.StatusList(url, W.IssuerId, []), world.RealKey, kid: Real + "/keys/1");
            entries.Add(W.StatusEntry(url, 42));
        }

        var shared = StatusOrigin + "/lists/shared";
        W.ServeListJwt(lab, shared, W.StatusList(shared, W.IssuerId, []), statusKey, kid: Real + "/keys/2");
        var heavy = Request(Input(W.Jwt(world.RealKey, W.WithStatus(W.Credential(), [.. entries, W.StatusEntry(shared, 42)]), kid: Real + "/keys/1")));
        var light = Request(Input(W.Jwt(world.RealKey, W.WithStatus(W.Credential(id: Real + "/credentials/2"), W.StatusEntry(shared, 43)), kid: Real + "/keys/1")));

        // Whatever fetch the budget refuses in the heavy request (the shared list, its key…), it must not stick.
        for (var budget = 8; budget <= 30; budget++)
        {
            void Budget(VerifierOptions o) => o.Fetch.MaxFetchesPerVerification = budget;
            var alone = await lab.VerifyAsync(light, Budget);
            using var engine = lab.Engine(Budget);
            var verifier = engine.GetRequiredService<BadgeVerifier>();
            await verifier.VerifyAsync(heavy);
            var after = await verifier.VerifyAsync(light);
            Assert.True(after.Outcome == alone.Outcome, $"budget {budget}: alone {alone.Outcome}, after the heavy request {after.Outcome}\n{Expect.Dump(after)}");
        }

        Expect.Valid(await lab.VerifyAsync(light));
    }

    private static VerificationInput Input(string text) => VerificationInput.FromText(text);

    private static async Task<(VerificationReport A, VerificationReport B)> RunAsync(AttackLab lab, string order, VerificationRequest a, VerificationRequest b)
    {
        using var engine = lab.Engine();
        var verifier = engine.GetRequiredService<BadgeVerifier>();
        switch (order)
        {
            case "A then B":
            {
                var ra = await verifier.VerifyAsync(a);
                return (ra, await verifier.VerifyAsync(b));
            }

            case "B then A":
            {
                var rb = await verifier.VerifyAsync(b);
                return (await verifier.VerifyAsync(a), rb);
            }

            default:
            {
                var both = await Task.WhenAll(verifier.VerifyAsync(a), verifier.VerifyAsync(b));
                return (both[0], both[1]);
            }
        }
    }

    private static async Task SameAsAloneAsync(AttackLab lab, VerificationReport shared, VerificationRequest request)
    {
        var alone = await lab.VerifyAsync(request);
        Assert.True(shared.Outcome == alone.Outcome,
            $"through a shared engine: {shared.Outcome}; alone: {alone.Outcome}\nshared:\n{Expect.Dump(shared)}alone:\n{Expect.Dump(alone)}");
    }
}
