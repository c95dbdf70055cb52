using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob2World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// OB 0.5, 1.0 and 1.1 (rules 1–3): legacy issuers carry no verification policy, so an allowedOrigins found in an
/// embedded or forger-served issuer never widens the scope, and a 1.0 signing key proves only the origin that
/// finally served it — never through real.edu's open redirect.
/// </summary>
public sealed class Ob2LegacyAttacks
{
    private const string V1Issuer = Real + "/v1/issuer";
    private const string V1Badge = Real + "/v1/badge";
    private const string V1Key = Real + "/v1/public.pem";
    private const string V1Hosted = Real + "/v1/a";

    private static readonly JsonObject ForgerPolicy = new() { ["allowedOrigins"] = new JsonArray(EvilHost) };

    [Fact]
    public async Task Ob10Hosted_OnForgerWithEmbeddedIssuerAllowingForgerOrigin_IsInvalid()
    {
        await using var lab = await StartAsync();
        PublishV1(lab);
        var issuer = V1IssuerDoc();
        issuer["verification"] = ForgerPolicy.DeepClone();
        var badge = V1BadgeDoc(issuer);
        var url = Evil + "/v1/a";
        lab.Serve(url, V10Hosted(url, badge, W.Attacker));

        var report = await lab.UrlAsync(url, recipient: W.Attacker);

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob05Hosted_OnForgerWithIssuerOriginRealAndAllowedOrigins_IsInvalid()
    {
        await using var lab = await StartAsync();
        var url = Evil + "/v05/a";
        lab.Serve(url, V05(W.Attacker, ForgerPolicy.DeepClone()));

        var report = await lab.UrlAsync(url, recipient: W.Attacker);

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob11Hosted_OnForgerWithForgerServedIssuerDeclaringRealIdAndPolicy_IsInvalid()
    {
        await using var lab = await StartAsync();
        PublishV1(lab);
        var forgedIssuer = V1IssuerDoc();
        forgedIssuer["id"] = V1Issuer;
        forgedIssuer["verification"] = ForgerPolicy.DeepClone();
        lab.Serve(Evil + "/v11/issuer", forgedIssuer);
        var badge = V1BadgeDoc(Evil + "/v11/issuer");
        lab.Serve(Evil + "/v11/badge", badge);
        var url = Evil + "/v11/a";
        var assertion = V10Hosted(url, Evil + "/v11/badge", W.Attacker);
        assertion["@context"] = "https://w3id.org/openbadges/v1";
        assertion["id"] = url;
        lab.Serve(url, assertion);

        var report = await lab.UrlAsync(url, recipient: W.Attacker);

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob10Hosted_VerifyUrlThroughRealOpenRedirectToForgerCopy_IsInvalid()
    {
        await using var lab = await StartAsync();
        PublishV1(lab);
        var url = OpenRedirect(Evil + "/v1/a");
        lab.Serve(Evil + "/v1/a", V10Hosted(url, V1Badge, W.Attacker));

        var report = await lab.TextAsync(V10Hosted(url, V1Badge, W.Attacker).ToJsonString(), recipient: W.Attacker);

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob10Signed_KeyOnForgerWhileIssuerOriginIsReal_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        PublishV1(lab, world);
        lab.ServeText(Evil + "/v1/key.pem", world.EvilKey.ExportSubjectPublicKeyInfoPem(), "application/x-pem-file");

        var report = await lab.TextAsync(W.Sign(V10Signed(Evil + "/v1/key.pem", W.Attacker), world.EvilKey), recipient: W.Attacker);

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob10Signed_KeyThroughRealOpenRedirect_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        PublishV1(lab, world);
        lab.ServeText(Evil + "/v1/key.pem", world.EvilKey.ExportSubjectPublicKeyInfoPem(), "application/x-pem-file");

        var report = await lab.TextAsync(W.Sign(V10Signed(OpenRedirect(Evil + "/v1/key.pem"), W.Attacker), world.EvilKey), recipient: W.Attacker);

        Expect.Invalid(report);
        Expect.NotAttributedToRealIssuer(report);
    }

    [Fact]
    public async Task Ob10Signed_TenantKeyOnRealOrigin_StrictPolicy_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        PublishV1(lab, world);
        var tenantKey = Tenant("evil", "/key.pem");
        lab.ServeText(tenantKey, world.EvilKey.ExportSubjectPublicKeyInfoPem(), "application/x-pem-file");

        var report = await lab.TextAsync(W.Sign(V10Signed(tenantKey, W.Attacker), world.EvilKey), IssuerPolicy.Strict);

        // Origin level (any tenant can publish on real.edu) is all a 1.0 signature can prove: strict refuses it.
        Expect.NotValid(report);
    }

    // ---- genuine twins ----

    [Fact]
    public async Task Ob10Signed_GenuineKeyOnIssuerOrigin_IsValidAndProvesTheOrigin()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        PublishV1(lab, world);

        var report = await lab.TextAsync(W.Sign(V10Signed(V1Key, W.Victim), world.RealKey), recipient: W.Victim);

        Expect.Valid(report);
        Expect.IssuerProven(report, Real, IssuerProofs.IssuerOrigin);
    }

    [Fact]
    public async Task Ob10Hosted_GenuineOnIssuerOrigin_IsValid()
    {
        await using var lab = await StartAsync();
        PublishV1(lab);
        lab.Serve(V1Hosted, V10Hosted(V1Hosted, V1Badge, W.Victim));

        var report = await lab.UrlAsync(V1Hosted, recipient: W.Victim);

        Expect.Valid(report);
        Expect.IssuerProvenAsReal(report, IssuerProofs.HostedOnIssuerOrigin);
    }

    [Fact]
    public async Task Ob11Hosted_GenuineOnIssuerOrigin_IsValid()
    {
        await using var lab = await StartAsync();
        PublishV1(lab);
        var assertion = V10Hosted(V1Hosted, V1Badge, W.Victim);
        assertion["@context"] = "https://w3id.org/openbadges/v1";
        assertion["id"] = V1Hosted;
        lab.Serve(V1Hosted, assertion);

        var report = await lab.UrlAsync(V1Hosted, recipient: W.Victim);

        Expect.Valid(report);
        Expect.IssuerProvenAsReal(report, IssuerProofs.HostedOnIssuerOrigin);
    }

    [Fact]
    public async Task Ob05Hosted_GenuineOnIssuerOrigin_IsValid()
    {
        await using var lab = await StartAsync();
        var url = Real + "/v05/a";
        lab.Serve(url, V05(W.Victim, null));

        var report = await lab.UrlAsync(url, recipient: W.Victim);

        Expect.Valid(report);
        Expect.IssuerProvenAsReal(report, IssuerProofs.HostedOnIssuerOrigin);
    }

    private static JsonObject V1IssuerDoc() => new() { ["name"] = "Real University", ["url"] = Real };

    private static JsonObject V1BadgeDoc(JsonNode issuer) => new()
    {
        ["name"] = "Robotics",
        ["description"] = "Built a robot.",
        ["image"] = Real + "/v1/image.png",
        ["criteria"] = Real + "/v1/criteria",
        ["issuer"] = issuer,
    };

    private static void PublishV1(AttackLab lab, W? world = null)
    {
        lab.Serve(V1Issuer, V1IssuerDoc());
        lab.Serve(V1Badge, V1BadgeDoc(V1Issuer));
        if (world is not null)
        {
            lab.ServeBytes(V1Key, Encoding.ASCII.GetBytes(world.RealKey.ExportSubjectPublicKeyInfoPem()), "application/x-pem-file");
        }
    }

    private static JsonObject V10Hosted(string url, JsonNode badge, string email) => new()
    {
        ["uid"] = "u-" + email.Split('@')[0],
        ["recipient"] = new JsonObject { ["identity"] = email, ["hashed"] = false, ["type"] = "email" },
        ["badge"] = badge,
        ["issuedOn"] = "2015-04-30",
        ["verify"] = new JsonObject { ["type"] = "hosted", ["url"] = url },
    };

    private static JsonObject V10Signed(string keyUrl, string email)
    {
        var assertion = V10Hosted(keyUrl, V1Badge, email);
        assertion["verify"] = new JsonObject { ["type"] = "signed", ["url"] = keyUrl };
        return assertion;
    }

    private static JsonObject V05(string email, JsonNode? policy)
    {
        var issuer = new JsonObject { ["origin"] = Real, ["name"] = "Real University" };
        if (policy is not null)
        {
            issuer["verification"] = policy;
        }

        return new JsonObject
        {
            ["recipient"] = email,
            ["issued_on"] = "2011-06-01",
            ["badge"] = new JsonObject
            {
                ["version"] = "0.5.0",
                ["name"] = "Robotics",
                ["image"] = "/images/1.png",
                ["description"] = "Built a robot.",
                ["criteria"] = "/criteria/1",
                ["issuer"] = issuer,
            },
        };
    }
}
