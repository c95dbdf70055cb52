using Verifier.Core.Tests.Baking;
using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 9, the envelope is verified as fully as the badge: a JWS header the verifier does not understand (crit,
/// b64:false), a token type that is not a VC-JWT, a payload carrying two credentials, and baked images carrying a
/// second badge where a displayer might read it (after IEND, nested in the first SVG element) are not valid.
/// </summary>
public sealed class EnvelopeAttacks
{
    [Fact]
    public async Task Ob3Jwt_UnknownCriticalHeader_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await lab.TextAsync(Genuine(world, h =>
        {
            h["crit"] = new JsonArray("urn:example:must-understand");
            h["urn:example:must-understand"] = true;
        }));

        Expect.Invalid(report);
    }

    [Fact]
    public async Task Ob3Jwt_UnencodedPayloadOptionB64False_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await lab.TextAsync(Genuine(world, h =>
        {
            h["b64"] = false;
            h["crit"] = new JsonArray("b64");
        }));

        Expect.Invalid(report);
    }

    [Theory]
    [InlineData("vc+sd-jwt")]
    [InlineData("entity-statement+jwt")]
    public async Task Ob3Jwt_TokenTypeThatIsNotAVcJwt_IsInvalid(string typ)
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await lab.TextAsync(Genuine(world, h => h["typ"] = typ));

        Expect.Invalid(report);
    }

    [Fact]
    public async Task Ob3Jwt_PayloadWithVcClaimAndTopLevelCredential_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var issuer = world.RealKey.DidKey;
        var payload = Ob3Fixtures.Payload(W.Credential(issuerId: issuer, url: null));
        // The vc claim agrees with iss/sub/jti/nbf but awards another achievement: which one did the issuer mean?
        var other = W.Credential(issuerId: issuer, achievementId: Real + "/achievements/phd", url: null);
        other["name"] = "Doctorate";
        payload["vc"] = other;

        var report = await lab.TextAsync(OpenBadges3.Jwt.Sign(world.RealKey, payload, kid: world.RealKey.DidKeyUrl));

        Expect.Invalid(report);
    }

    [Fact]
    public async Task BakedPng_SecondBadgeChunkAfterIend_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var forged = OpenBadges3.Jwt.Sign(world.EvilKey, Ob3Fixtures.Payload(W.Credential(issuerId: world.RealKey.DidKey, subjectId: W.OtherSubjectId, url: null)), kid: world.RealKey.DidKeyUrl);
        var png = TestPng.Start().Itxt("openbadgecredential", Genuine(world)).Image().End().Itxt("openbadgecredential", forged).ToArray();

        var report = await lab.BytesAsync(png);

        Expect.NotValid(report);
    }

    [Fact]
    public async Task BakedSvg_AssertionNestedInsideAnother_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var forged = OpenBadges3.Jwt.Sign(world.EvilKey, Ob3Fixtures.Payload(W.Credential(issuerId: world.RealKey.DidKey, subjectId: W.OtherSubjectId, url: null)), kid: world.RealKey.DidKeyUrl);
        var svg = Svg($"<openbadges:assertion verify=\"{Genuine(world)}\"><openbadges:assertion verify=\"{forged}\"></openbadges:assertion></openbadges:assertion>");

        var report = await lab.BytesAsync(svg);

        Expect.NotValid(report);
    }

    // ---- genuine twins ----

    [Theory]
    [InlineData("JWT")]
    [InlineData("vc+jwt")]
    public async Task Ob3Jwt_GenuineVcJwt_IsValid(string typ)
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await lab.TextAsync(Genuine(world, h => h["typ"] = typ));

        Expect.Valid(report);
        Expect.IssuerProven(report, world.RealKey.DidKey, IssuerProofs.DidKeyIssuer);
    }

    [Fact]
    public async Task BakedPng_GenuineSingleChunk_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var png = TestPng.Start().Itxt("openbadgecredential", Genuine(world)).Image().End().ToArray();

        var report = await lab.BytesAsync(png);

        Expect.Valid(report);
    }

    [Fact]
    public async Task BakedSvg_GenuineSingleAssertion_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await lab.BytesAsync(Svg($"<openbadges:assertion verify=\"{Genuine(world)}\"></openbadges:assertion>"));

        Expect.Valid(report);
    }

    /// <summary>A genuine VC-JWT of a did:key issuer (no network needed), with header changes after signing set-up.</summary>
    private static string Genuine(W world, Action<JsonObject>? header = null) =>
        W.Jwt(world.RealKey, W.Credential(issuerId: world.RealKey.DidKey, url: null), kid: world.RealKey.DidKeyUrl, header: header);

    private static byte[] Svg(string badge) => Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\" width=\"1\" height=\"1\">"
        + badge + "<rect width=\"1\" height=\"1\"/></svg>");
}
