namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>
/// The VC-JWT envelope to the letter: crit (RFC 7515 §4.1.11), b64 (RFC 7797), typ, and exactly one credential per
/// token. Each refusal happens before the key is fetched; each has a genuine twin that verifies (did:key, no server).
/// </summary>
public class VcJwtEnvelopeTests
{
    [Theory]
    [InlineData("vc+sd-jwt")]
    [InlineData("dc+sd-jwt")]
    [InlineData("entity-statement+jwt")]
    [InlineData("statuslist+jwt")]
    [InlineData("vp+jwt")]
    [InlineData("application/vp+jwt")]
    [InlineData("at+jwt")]
    [InlineData("JOSE")]
    [InlineData("text/jwt")]
    [InlineData("vc+jwt; charset=utf-8")]
    public async Task VerifyAsync_TypOfAnotherToken_IsRefusedBeforeTheKey(string typ)
    {
        var (report, keyHits) = await HostedKeyAsync(h => h["typ"] = typ);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains(typ, ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Equal(0, keyHits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("JWT")]
    [InlineData("jwt")]
    [InlineData("application/jwt")]
    [InlineData("vc+jwt")]
    [InlineData("VC+JWT")]
    [InlineData("application/vc+jwt")]
    [InlineData("vc+ld+json+jwt")]
    [InlineData("application/vc+ld+json+jwt")]
    [InlineData("vc+ld+jwt")]
    [InlineData("vc-ld+jwt")]
    public async Task VerifyAsync_CredentialTyp_IsAccepted(string? typ)
    {
        var report = await DidKeyAsync(h =>
        {
            if (typ is null)
            {
                h.Remove("typ");
            }
            else
            {
                h["typ"] = typ;
            }
        });

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Passed);
    }

    [Theory]
    [InlineData("""["exp"]""", "does not understand")]
    [InlineData("""["b64"]""", "does not understand")]
    [InlineData("""[]""", "malformed")]
    [InlineData("""["b64", 1]""", "malformed")]
    [InlineData("\"b64\"", "malformed")]
    public async Task VerifyAsync_Crit_IsRefusedBeforeTheKey(string crit, string reason)
    {
        var (report, keyHits) = await HostedKeyAsync(h =>
        {
            h["crit"] = JsonNode.Parse(crit);
            h["exp"] = 1_900_000_000;
            h["b64"] = true;
        });

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains(reason, ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Equal(0, keyHits);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("\"false\"")]
    [InlineData("0")]
    public async Task VerifyAsync_B64NotTrue_IsRefused(string b64)
    {
        var (report, keyHits) = await HostedKeyAsync(h => h["b64"] = JsonNode.Parse(b64));

        Assert.Contains("RFC 7797", ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Equal(0, keyHits);
    }

    [Fact]
    public async Task VerifyAsync_B64TrueWithoutCrit_IsTheDefaultAndVerifies()
    {
        var report = await DidKeyAsync(h => h["b64"] = true);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
    }

    [Fact]
    public async Task VerifyAsync_NonStringTyp_IsRefused()
    {
        var (report, _) = await HostedKeyAsync(h => h["typ"] = 7);

        ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_VcClaimBesideTopLevelCredential_IsRefused()
    {
        using var key = TestKey.Ed25519();
        var payload = Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: key.DidKey));
        var other = Ob3Fixtures.Credential(issuerId: key.DidKey);
        other["name"] = "Another badge";
        payload["vc"] = other;

        var report = await VerifyAsync(Jwt.Sign(key, payload, kid: key.DidKeyUrl));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("exactly one credential", ReportAssert.Has(report, Ob3CheckIds.Parse, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Single(report.Checks, c => c.Id == Ob3CheckIds.Parse);
    }

    [Theory]
    [InlineData("vp")]
    [InlineData("verifiableCredential")]
    public async Task VerifyAsync_Presentation_IsRefused(string claim)
    {
        using var key = TestKey.Ed25519();
        var payload = Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: key.DidKey));
        payload[claim] = claim == "vp"
            ? new JsonObject { ["type"] = "VerifiablePresentation", ["verifiableCredential"] = new JsonArray("eyJ...") }
            : new JsonArray(Ob3Fixtures.Credential(issuerId: key.DidKey));

        var report = await VerifyAsync(Jwt.Sign(key, payload, kid: key.DidKeyUrl));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("presentation", ReportAssert.Has(report, Ob3CheckIds.Parse, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_VcClaimThatIsNotAnObject_IsRefused()
    {
        using var key = TestKey.Ed25519();
        var payload = Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: key.DidKey));
        payload["vc"] = "eyJhbGciOiJFZERTQSJ9.e30.c2ln";

        var report = await VerifyAsync(Jwt.Sign(key, payload, kid: key.DidKeyUrl));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.Parse, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_CredentialOnlyInVcClaim_Verifies()
    {
        using var key = TestKey.Ed25519();
        var credential = Ob3Fixtures.Credential(issuerId: key.DidKey);
        var top = Ob3Fixtures.Payload(credential);
        var payload = new JsonObject { ["iss"] = top["iss"]!.DeepClone(), ["sub"] = top["sub"]!.DeepClone(), ["jti"] = top["jti"]!.DeepClone(), ["nbf"] = top["nbf"]!.DeepClone(), ["vc"] = credential };

        var report = await VerifyAsync(Jwt.Sign(key, payload, kid: key.DidKeyUrl));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Passed);
    }

    private static async Task<VerificationReport> DidKeyAsync(Action<JsonObject> header)
    {
        using var key = TestKey.Ed25519();
        return await VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: key.DidKey)), kid: key.DidKeyUrl, header: header));
    }

    private static async Task<VerificationReport> VerifyAsync(string jwt)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        return await f.VerifyAsync(jwt);
    }

    /// <summary>A key hosted on the loopback issuer, so the test can show it was never fetched.</summary>
    private static async Task<(VerificationReport Report, int KeyHits)> HostedKeyAsync(Action<JsonObject> header)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid, header: header));
        return (report, f.Server.Hits("/keys/1"));
    }
}
