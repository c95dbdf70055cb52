using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rules 1 and 3 for DID issuers of VC-JWTs: a did:web document speaks for the DID only when fetched from the DID's
/// own URL without leaving its origin and when it declares that DID; a did:key issuer is bound only to its own key;
/// the token's iss must be the issuer. Contradictions are invalid in every policy.
/// </summary>
public sealed class Ob3DidAttacks
{
    [Fact]
    public async Task Ob3Jwt_DidWebDocumentRedirectingToForger_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Redirect(W.DidWebUrl, Evil + "/did.json");
        lab.Serve(Evil + "/did.json", W.DidDocument(W.DidWeb, world.EvilKey));

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(issuerId: W.DidWeb), kid: W.DidWeb + "#key-1"));

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob3Jwt_TenantDidWebDocumentDeclaringRealDid_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        const string tenantDid = "did:web:real.edu:tenants:evil";
        lab.Serve(Real + "/tenants/evil/did.json", W.DidDocument(W.DidWeb, world.EvilKey));

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(issuerId: tenantDid), kid: tenantDid + "#key-1"));

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob3Jwt_DidWebDocumentUnreachable_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.ServeStatus(W.DidWebUrl, 503);

        var report = await lab.TextAsync(W.Jwt(world.RealKey, W.Credential(issuerId: W.DidWeb), kid: W.DidWeb + "#key-1"));

        Expect.Indeterminate(report);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Ob3Jwt_DidKeyIssuerSignedWithAnotherDidKey_IsInvalidInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(issuerId: world.RealKey.DidKey), kid: world.EvilKey.DidKeyUrl), policy);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Ob3Jwt_IssClaimNamingRealIssuerWhileCredentialIssuerIsForger_IsInvalidInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var payload = Ob3Fixtures.Payload(W.Credential(issuerId: world.EvilKey.DidKey));
        payload["iss"] = W.IssuerId;

        var report = await lab.TextAsync(OpenBadges3.Jwt.Sign(world.EvilKey, payload, kid: world.EvilKey.DidKeyUrl), policy);

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    // ---- genuine twins ----

    [Fact]
    public async Task Ob3Jwt_GenuineDidKeyIssuer_IsValidAndProvenByTheKeyItself()
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await lab.TextAsync(W.Jwt(world.RealKey, W.Credential(issuerId: world.RealKey.DidKey, url: null), kid: world.RealKey.DidKeyUrl), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, world.RealKey.DidKey, IssuerProofs.DidKeyIssuer);
    }

    [Fact]
    public async Task Ob3Jwt_GenuineDidJwkIssuer_IsValidAndProvenByTheKeyItself()
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await lab.TextAsync(W.Jwt(world.RealKey, W.Credential(issuerId: world.RealKey.DidJwk, url: null), kid: world.RealKey.DidJwk + "#0"), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, world.RealKey.DidJwk, IssuerProofs.DidKeyIssuer);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task Ob3Jwt_GenuineDidWebKeyListedForAssertion_IsValidAtDocumentLevel(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.DidWebUrl, W.DidDocument(W.DidWeb, world.RealKey));

        var report = await lab.TextAsync(W.Jwt(world.RealKey, W.Credential(issuerId: W.DidWeb), kid: W.DidWeb + "#key-1"), policy);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.DidWeb, IssuerProofs.DidDocument);
    }
}
