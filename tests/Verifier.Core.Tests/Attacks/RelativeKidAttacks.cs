using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// A VC-JWT whose kid is a relative DID URL ("#key-1", as Credo writes it) names a method of the issuer's own
/// document: it is read against iss and resolved and bound like an absolute kid. The genuine did:web and https
/// issuers verify; a forger's key under the real issuer's relative kid, a relative kid read against a forger's
/// iss while the credential names the real issuer, and a relative kid with nothing to read it against never do.
/// </summary>
public sealed class RelativeKidAttacks
{
    [Fact]
    public async Task RelativeKid_DidWebIssuer_IsValidAndBoundByItsDocument()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.DidWebUrl, W.DidDocument(W.DidWeb, world.RealKey));

        var report = await lab.TextAsync(W.Jwt(world.RealKey, W.Credential(issuerId: W.DidWeb, url: null), kid: "#key-1"), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.DidWeb, IssuerProofs.DidDocument);
        Assert.Equal(W.DidWeb + "#key-1", report.Verification?.KeyId);
    }

    [Fact]
    public async Task RelativeKid_HttpsIssuer_IsValidAndBoundByItsDocument()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(W.Jwt(world.RealKey, W.Credential(), kid: "#key-1"), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProvenAsReal(report, IssuerProofs.IssuerDocument);
    }

    [Fact]
    public async Task RelativeKid_ForgerSignatureUnderTheRealIssuersKey_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.DidWebUrl, W.DidDocument(W.DidWeb, world.RealKey));

        var report = await lab.TextAsync(W.Jwt(world.EvilKey, W.Credential(issuerId: W.DidWeb, url: null), kid: "#key-1"));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task RelativeKid_ReadAgainstAForgersIss_NeverSpeaksForTheRealIssuer()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.DidWebUrl, W.DidDocument(W.DidWeb, world.RealKey));
        var forger = world.EvilKey;
        var payload = Ob3Fixtures.Payload(W.Credential(issuerId: W.DidWeb, url: null));
        payload["iss"] = forger.DidKey;

        // The forger's did:key resolves "#<its multibase>" to its own key, so the signature verifies: the token still
        // names the real issuer in its credential, which its iss contradicts.
        var report = await lab.TextAsync(OpenBadges3.Jwt.Sign(forger, payload, "#" + forger.Multibase()));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.JwtSignature, CheckOutcome.Passed);
        Expect.Check(report, Ob3CheckIds.JwtClaims, CheckOutcome.Failed);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Theory]
    [InlineData("#")]
    [InlineData("#key-1")]
    public async Task RelativeKid_WithNoIssuerToReadItAgainst_IsRefusedBeforeAnyKey(string kid)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var payload = Ob3Fixtures.Payload(W.Credential());
        payload.Remove("iss");
        payload["issuer"] = kid == "#" ? W.IssuerId : "urn:uuid:0d9c6a0e-4d2f-4a8e-9b5e-3c1f2a7b8c9d";

        var report = await lab.TextAsync(OpenBadges3.Jwt.Sign(world.RealKey, payload, kid));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed);
        Assert.Equal(0, lab.Hits(W.IssuerId));
    }
}
