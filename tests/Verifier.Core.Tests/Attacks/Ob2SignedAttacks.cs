using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob2World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// OB 2.0 signed badges (rules 1 and 3): a Profile or CryptographicKey speaks only for the URL it was finally
/// fetched from, so a forger's Profile declaring the real issuer's id, an issuer or key reached through real.edu's
/// open redirect, or a listed key URL that redirects off the issuer's origin never signs in the real issuer's name.
/// </summary>
public sealed class Ob2SignedAttacks
{
    [Fact]
    public async Task Ob2Signed_ForgerProfileDeclaringRealIdListingForgerKey_IsNotValidInRealsName()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(Evil + "/badge", W.Badge(Evil + "/badge", Evil + "/issuer"));
        lab.Serve(Evil + "/issuer", W.Profile(W.IssuerId, Evil + "/keys/1"));
        lab.Serve(Evil + "/keys/1", W.Key(Evil + "/keys/1", W.IssuerId, world.EvilKey));

        var report = await lab.TextAsync(W.Sign(W.Signed(W.Attacker, Evil + "/keys/1", Evil + "/badge"), world.EvilKey), recipient: W.Attacker);

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Signed_IssuerThroughRealOpenRedirect_IsNotValidInRealsName()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var issuer = OpenRedirect(Evil + "/issuer2");
        lab.Serve(Evil + "/badge2", W.Badge(Evil + "/badge2", issuer));
        lab.Serve(Evil + "/issuer2", W.Profile(issuer, Evil + "/keys/2"));
        lab.Serve(Evil + "/keys/2", W.Key(Evil + "/keys/2", issuer, world.EvilKey));

        var report = await lab.TextAsync(W.Sign(W.Signed(W.Attacker, Evil + "/keys/2", Evil + "/badge2"), world.EvilKey));

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Signed_CreatorThroughRealOpenRedirect_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var tenantIssuer = Tenant("evil", "/issuer");
        var creator = OpenRedirect(Evil + "/keys/3");
        lab.Serve(Tenant("evil", "/badge"), W.Badge(Tenant("evil", "/badge"), tenantIssuer));
        lab.Serve(tenantIssuer, W.Profile(tenantIssuer, creator));
        lab.Serve(Evil + "/keys/3", W.Key(creator, tenantIssuer, world.EvilKey));

        var report = await lab.TextAsync(W.Sign(W.Signed(W.Attacker, creator, Tenant("evil", "/badge")), world.EvilKey));

        // The key document was served by evil.example; it cannot speak for a real.edu URL.
        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Signed_ListedKeyUrlRedirectingToForgerCopy_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Redirect(W.KeyId, Evil + "/keys/1");
        lab.Serve(Evil + "/keys/1", W.Key(W.KeyId, W.IssuerId, world.EvilKey));

        var report = await lab.TextAsync(W.Sign(W.Signed(W.Attacker), world.EvilKey), recipient: W.Attacker);

        Expect.NotValid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Signed_EmbeddedIssuerInForgerBadgeClassListingEmbeddedForgerKey_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var embeddedKey = W.Key(Evil + "/keys/5", W.IssuerId, world.EvilKey);
        embeddedKey.Remove("@context");
        var issuer = W.Profile(W.IssuerId);
        issuer["publicKey"] = new JsonArray(embeddedKey);
        var badge = W.Badge(Evil + "/badge5", W.IssuerId);
        badge["issuer"] = issuer;

        var assertion = W.Signed(W.Attacker, Evil + "/keys/5");
        assertion["badge"] = badge;

        var report = await lab.TextAsync(W.Sign(assertion, world.EvilKey));

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob2Signed_RevocationListAnsweringErrorObject_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(W.RevocationsId, new JsonObject { ["error"] = "rate limited, try again later" });

        var report = await lab.TextAsync(W.Sign(W.Signed(W.Victim), world.RealKey));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Ob2Signed_RevocationList503_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.ServeStatus(W.RevocationsId, 503);

        var report = await lab.TextAsync(W.Sign(W.Signed(W.Victim), world.RealKey));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Ob2Signed_RevocationListAnsweringHtmlPage_IsIndeterminate()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.ServeText(W.RevocationsId, "<!doctype html><html><body>Maintenance</body></html>", "text/html");

        var report = await lab.TextAsync(W.Sign(W.Signed(W.Victim), world.RealKey));

        Expect.Indeterminate(report);
    }

    [Fact]
    public async Task Ob2Signed_RevocationListRedirectingToForgerEmptyList_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var assertion = W.Signed(W.Victim);
        world.RevocationList["revokedAssertions"] = new JsonArray(assertion["id"]!.GetValue<string>());
        world.Publish(lab);
        lab.Redirect(W.RevocationsId, Evil + "/revocations");
        var forged = (JsonObject)world.RevocationList.DeepClone();
        forged["revokedAssertions"] = new JsonArray();
        lab.Serve(Evil + "/revocations", forged);

        var report = await lab.TextAsync(W.Sign(assertion, world.RealKey));

        Expect.NotValid(report);
    }

    // ---- genuine twins ----

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task Ob2Signed_GenuineWithCreator_IsValidAtDocumentLevelInEveryPolicy(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(W.Sign(W.Signed(W.Victim), world.RealKey), policy, W.Victim);

        Expect.Valid(report);
        Expect.Check(report, Ob2CheckIds.Recipient, CheckOutcome.Passed);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.IssuerDocument);
    }

    [Fact]
    public async Task Ob2Signed_GenuineWithoutCreator_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(W.Sign(W.Signed(W.Victim, creator: null), world.RealKey));

        Expect.Valid(report);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.IssuerDocument);
    }

    [Fact]
    public async Task Ob2Signed_GenuineRevoked_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var assertion = W.Signed(W.Victim);
        world.RevocationList["revokedAssertions"] = new JsonArray(assertion["id"]!.GetValue<string>());
        world.Publish(lab);

        var report = await lab.TextAsync(W.Sign(assertion, world.RealKey));

        Expect.Invalid(report);
        Expect.Check(report, Ob2CheckIds.Revocation, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Ob2Signed_GenuineProfileServedWithQueryDeclaringCanonicalId_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        world.BadgeClass["issuer"] = W.IssuerId + "?format=json";
        world.Publish(lab);

        var report = await lab.TextAsync(W.Sign(W.Signed(W.Victim), world.RealKey));

        Expect.Valid(report);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.IssuerDocument);
    }
}
