using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 3 for VC-JWTs naming the URL issuer https://real.edu/issuer: a key belongs to the issuer only when its own
/// document lists it (document level) or its bytes are served from real.edu while that document lists no keys (origin
/// level). Header keys, keys off the origin, keys through the open redirect, DIDs for a URL issuer, unlisted fragments
/// and tenant keys never sign in real.edu's name; contradictions fail in every policy.
/// </summary>
public sealed class Ob3JwtBindingAttacks
{
    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task Ob3Jwt_JwkHeaderKeyClaimingRealIssuer_IsInvalid(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), jwk: world.EvilKey.Jwk()), policy);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob3Jwt_JwkHeaderKeyClaimingRealIssuer_Lenient_IsValidWithWarningAndUnprovenIssuer()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), jwk: world.EvilKey.Jwk()), IssuerPolicy.Lenient);

        Expect.Valid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Warning);
        Expect.IssuerUnproven(report);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task Ob3Jwt_KidOnForgerOrigin_IsInvalid(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(Evil + "/keys/1", world.EvilKey.Jwk());

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), kid: Evil + "/keys/1"), policy);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task Ob3Jwt_KidThroughRealOpenRedirectToForgerKey_IsNotValid(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(Evil + "/keys/1", world.EvilKey.Jwk());

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), kid: OpenRedirect(Evil + "/keys/1")), policy);

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob3Jwt_DidJwkKidForUrlIssuer_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), kid: world.EvilKey.DidJwk + "#0"));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Ob3Jwt_KidFragmentNotListedInRealIssuerDocument_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), kid: W.IssuerId + "#key-9"));

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task Ob3Jwt_KidMultibaseFragmentOfForgerKeyOnRealIssuerId_IsInvalid(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        // https://real.edu/issuer#z6Mk…: the key bytes come from the fragment, which real.edu never served.
        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), kid: W.IssuerId + "#" + world.EvilKey.Multibase()), policy);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Ob3Jwt_TenantKeyDocumentNamingTenantController_IsInvalidInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var kid = Tenant("evil", "/keys/1");
        lab.Serve(kid, W.KeyDocument(kid, world.EvilKey, controller: Real + "/tenants/evil"));

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), kid: kid), policy);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Ob3Jwt_BareTenantKeyWhileIssuerDocumentListsNoKeys_DefaultPolicy_IsValidOnlyAtOriginLevel()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.IssuerId, W.IssuerDocument(W.IssuerId, []));
        var kid = Tenant("evil", "/keys/1");
        lab.Serve(kid, W.KeyDocument(kid, world.EvilKey));

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), kid: kid));

        // The one documented default-policy exception (docs/security.md): the report says it is origin level only.
        Expect.Valid(report);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.IssuerOrigin);
    }

    [Fact]
    public async Task Ob3Jwt_BareTenantKeyWhileIssuerDocumentListsNoKeys_StrictPolicy_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.IssuerId, W.IssuerDocument(W.IssuerId, []));
        var kid = Tenant("evil", "/keys/1");
        lab.Serve(kid, W.KeyDocument(kid, world.EvilKey));

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), kid: kid), IssuerPolicy.Strict);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Ob3Jwt_BareTenantKeyWhileIssuerDocumentListsOtherKeys_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var kid = Tenant("evil", "/keys/1");
        lab.Serve(kid, W.KeyDocument(kid, world.EvilKey));

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), kid: kid));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob3Jwt_IssuerDocumentUnreachableWhenBindingNeedsIt_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.ServeStatus(W.IssuerId, 500);
        var kid = Tenant("evil", "/keys/1");
        lab.Serve(kid, W.KeyDocument(kid, world.EvilKey));

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(), kid: kid));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Ob3Jwt_IssuerIdThroughRealOpenRedirectToForgerDocument_IsNotValidInRealsName()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var issuer = OpenRedirect(Evil + "/issuer");
        lab.Serve(Evil + "/issuer", W.IssuerDocument(issuer, [("key-1", world.EvilKey)]));

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(issuerId: issuer), kid: issuer + "#key-1"));

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    // ---- genuine twins ----

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Ob3Jwt_GenuineKidListedInIssuerDocument_IsValidAtDocumentLevelInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(W.Jwt(world.RealKey, W.Credential(), kid: W.KeyId), policy);

        Expect.Valid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Passed);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.IssuerDocument);
    }

    [Fact]
    public async Task Ob3Jwt_GenuineKeyOnIssuerOriginWhileDocumentListsNoKeys_IsValidAtOriginLevel()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.IssuerId, W.IssuerDocument(W.IssuerId, []));
        lab.Serve(Real + "/keys/jwt", world.RealKey.Jwk());

        var report = await lab.TextAsync(W.Jwt(world.RealKey, W.Credential(), kid: Real + "/keys/jwt"));

        Expect.Valid(report);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.IssuerOrigin);
    }
}
