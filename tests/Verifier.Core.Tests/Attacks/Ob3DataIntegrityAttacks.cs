using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 3 for embedded Data Integrity proofs (eddsa-jcs-2022, so no JSON-LD is needed; one eddsa-rdfc-2022 twin):
/// the verification method must be listed for assertionMethod by a document the issuer controls. A fragment key
/// the origin never served, a method in another issuer's document, a method whose controller is a tenant, a DID key
/// listed only for authentication, or an issuer id behind the open redirect never prove the real issuer.
/// </summary>
public sealed class Ob3DataIntegrityAttacks
{
    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task Ob3Di_FragmentMultikeyOnRealIssuerIdNotListed_IsInvalid(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(Signed(world.EvilKey, W.Credential(), W.IssuerId + "#" + world.EvilKey.Multibase()), policy);

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob3Di_FragmentMultikeyWhileRealIssuerDocumentMissing_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.ServeStatus(W.IssuerId, 404);

        var report = await lab.TextAsync(Signed(world.EvilKey, W.Credential(), W.IssuerId + "#" + world.EvilKey.Multibase()));

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Ob3Di_MethodInForgerControllerDocument_IsInvalidInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(Evil + "/issuer", W.IssuerDocument(Evil + "/issuer", [("key-1", world.EvilKey)]));

        var report = await lab.TextAsync(Signed(world.EvilKey, W.Credential(), Evil + "/issuer#key-1"), policy);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Ob3Di_MethodWhoseControllerIsATenant_IsInvalidInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var vm = Tenant("evil", "/keys/1");
        lab.Serve(vm, W.KeyDocument(vm, world.EvilKey, controller: Real + "/tenants/evil"));

        var report = await lab.TextAsync(Signed(world.EvilKey, W.Credential(), vm), policy);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Ob3Di_DidWebMethodListedOnlyForAuthentication_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.DidWebUrl, W.DidDocument(W.DidWeb, world.RealKey, forAssertion: false));

        var report = await lab.TextAsync(Signed(world.RealKey, W.Credential(issuerId: W.DidWeb), W.DidWeb + "#key-1"));

        Expect.Invalid(report);
    }

    [Fact]
    public async Task Ob3Di_IssuerIdThroughRealOpenRedirectToForgerDocument_IsNotValidInRealsName()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var issuer = OpenRedirect(Evil + "/issuer");
        lab.Serve(Evil + "/issuer", W.IssuerDocument(issuer, [("key-1", world.EvilKey)]));

        var report = await lab.TextAsync(Signed(world.EvilKey, W.Credential(issuerId: issuer), issuer + "#key-1"));

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    // ---- genuine twins ----

    [Fact]
    public async Task Ob3Di_GenuineDidKeyJcs_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var key = world.RealKey;

        var report = await lab.TextAsync(Signed(key, W.Credential(issuerId: key.DidKey, url: null), key.DidKeyUrl), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, key.DidKey, IssuerProofs.DidKeyIssuer);
    }

    [Fact]
    public async Task Ob3Di_GenuineDidWebListedForAssertion_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.DidWebUrl, W.DidDocument(W.DidWeb, world.RealKey));

        var report = await lab.TextAsync(Signed(world.RealKey, W.Credential(issuerId: W.DidWeb), W.DidWeb + "#key-1"), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.DidWeb, IssuerProofs.DidDocument);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Ob3Di_GenuineUrlIssuerListingTheMethod_IsValidInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(Signed(world.RealKey, W.Credential(), W.KeyId), policy);

        Expect.Valid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Passed);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.IssuerDocument);
    }

    [SkippableFact]
    public async Task Ob3Di_GenuineDidKeyRdfc_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var key = world.RealKey;
        var signed = await DiSign.RdfcAsync(W.Credential(issuerId: key.DidKey, url: null), key, key.DidKeyUrl);

        var report = await lab.TextAsync(signed.ToJsonString(), configure: o => o.Contexts.Path = DiSign.ContextsFolder());

        Expect.Valid(report);
        Expect.IssuerProven(report, key.DidKey, IssuerProofs.DidKeyIssuer);
    }

    private static string Signed(Tests.OpenBadges3.TestKey key, JsonObject credential, string verificationMethod) =>
        DiSign.Jcs(credential, key, verificationMethod).ToJsonString();
}
