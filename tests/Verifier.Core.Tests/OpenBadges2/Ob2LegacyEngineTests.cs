using static Verifier.Core.Tests.OpenBadges2.Ob2TestIssuer;

namespace Verifier.Core.Tests.OpenBadges2;

/// <summary>0.5, 1.0 and 1.1 badges end to end: detected, upgraded to the 2.0 model, then verified.</summary>
public class Ob2LegacyEngineTests
{
    private const string V1Badge = Origin + "/v1/badge";
    private const string V1Issuer = Origin + "/v1/issuer";
    private const string V1Instance = Origin + "/v1/instance";
    private const string V1Key = Origin + "/v1/public.pem";

    private static void PublishV1(Ob2TestIssuer issuer, string? revocationList = null)
    {
        var v1Issuer = new JsonObject { ["name"] = "Old Issuer", ["url"] = Origin };
        if (revocationList is not null)
        {
            v1Issuer["revocationList"] = revocationList;
        }

        issuer.Serve(V1Issuer, v1Issuer);
        issuer.Serve(V1Badge, new JsonObject
        {
            ["name"] = "Basic Badge",
            ["description"] = "Basic as it gets.",
            ["image"] = Origin + "/v1/image.png",
            ["criteria"] = Origin + "/v1/criteria",
            ["issuer"] = V1Issuer,
        });
    }

    private static JsonObject V10Assertion(string verifyType, string url, JsonNode? issuedOn = null) => new()
    {
        ["uid"] = "abc123",
        ["recipient"] = new JsonObject { ["identity"] = "learner@example.org", ["hashed"] = false, ["type"] = "email" },
        ["badge"] = V1Badge,
        ["issuedOn"] = issuedOn ?? "2015-04-30",
        ["verify"] = new JsonObject { ["type"] = verifyType, ["url"] = url },
    };

    [Fact]
    public async Task VerifyAsync_V10HostedJson_FetchesVerifyUrlAndIsValid()
    {
        await using var issuer = await StartAsync();
        PublishV1(issuer);
        var assertion = V10Assertion("hosted", V1Instance);
        issuer.Serve(V1Instance, assertion);

        var report = await issuer.VerifyAsync(VerificationInput.FromText(assertion.ToJsonString()), recipient: "learner@example.org");

        ReportAssert.Valid(report);
        Assert.Equal("1.0", report.OpenBadgesVersion);
        Assert.Equal(new DateTimeOffset(2015, 4, 30, 0, 0, 0, TimeSpan.Zero), report.Badge?.IssuedOn);
        Assert.Equal("Basic Badge", report.Badge?.Name);
        Assert.Equal(1, issuer.Server.Hits("/v1/instance"));
        ReportAssert.Has(report, Ob2CheckIds.Upgrade, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_V10SignedUnixTimestamp_IsValid()
    {
        await using var issuer = await StartAsync();
        PublishV1(issuer);
        issuer.Server.MapBytes("/v1/public.pem", System.Text.Encoding.ASCII.GetBytes(issuer.Key.ExportSubjectPublicKeyInfoPem()), "application/x-pem-file");
        var jws = Sign(V10Assertion("signed", V1Key, 1500423730), issuer.Key);

        var report = await issuer.VerifyAsync(VerificationInput.FromText(jws));

        ReportAssert.Valid(report);
        Assert.Equal("1.0", report.OpenBadgesVersion);
        Assert.Equal(V1Key, report.Verification?.KeyId);
        Assert.Equal(new DateTimeOffset(2017, 7, 19, 0, 22, 10, TimeSpan.Zero), report.Badge?.IssuedOn);
    }

    [Fact]
    public async Task VerifyAsync_V11SignedWithVerifyUrlKey_IsValid()
    {
        await using var issuer = await StartAsync();
        PublishV1(issuer);
        issuer.Server.MapBytes("/v1/public.pem", System.Text.Encoding.ASCII.GetBytes(issuer.Key.ExportSubjectPublicKeyInfoPem()), "application/x-pem-file");
        var assertion = V10Assertion("signed", V1Key, "2016-12-31T23:59:59Z");
        assertion["@context"] = "https://w3id.org/openbadges/v1";
        assertion["id"] = "urn:uuid:11111111-2222-3333-4444-555555555555";

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, issuer.Key)));

        ReportAssert.Valid(report);
        Assert.Equal("1.1", report.OpenBadgesVersion);
        Assert.Equal(V1Key, report.Verification?.KeyId);
    }

    [Fact]
    public async Task VerifyAsync_V10SignedKeyOffIssuerOrigin_FailsKey()
    {
        await using var issuer = await StartAsync();
        PublishV1(issuer);
        issuer.Server.MapBytes("/v1/public.pem", System.Text.Encoding.ASCII.GetBytes(issuer.Key.ExportSubjectPublicKeyInfoPem()), "application/x-pem-file");
        var jws = Sign(V10Assertion("signed", "https://other.example/v1/public.pem"), issuer.Key);

        var report = await issuer.VerifyAsync(VerificationInput.FromText(jws));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.SignatureKey, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_V10SignedInUidRevocationMap_IsRevoked()
    {
        await using var issuer = await StartAsync();
        PublishV1(issuer, Origin + "/v1/revoked");
        issuer.Serve(Origin + "/v1/revoked", new JsonObject { ["abc123"] = "Plagiarism" });
        issuer.Server.MapBytes("/v1/public.pem", System.Text.Encoding.ASCII.GetBytes(issuer.Key.ExportSubjectPublicKeyInfoPem()), "application/x-pem-file");

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(V10Assertion("signed", V1Key), issuer.Key)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains(report.Checks, c => c.Id == Ob2CheckIds.Revocation && c.Outcome == CheckOutcome.Failed && c.Message.Contains("Plagiarism", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_V11Hosted_IsValid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var assertion = Assertion();
        assertion["@context"] = "https://w3id.org/openbadges/v1";
        assertion["issuedOn"] = 1768471200;
        assertion.Remove("verification");
        assertion["verify"] = new JsonObject { ["type"] = "hosted", ["url"] = AssertionUrl };
        issuer.Serve(AssertionUrl, assertion);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)), recipient: Email);

        ReportAssert.Valid(report);
        Assert.Equal("1.1", report.OpenBadgesVersion);
    }

    [Fact]
    public async Task VerifyAsync_V05HostedUrl_IsValid()
    {
        await using var issuer = await StartAsync();
        var url = Origin + "/v05/assertion.json";
        issuer.Serve(url, new JsonObject
        {
            ["recipient"] = HashedEmail("learner@example.org", "sel gris"),
            ["salt"] = "sel gris",
            ["issued_on"] = "2011-06-01",
            ["badge"] = new JsonObject
            {
                ["version"] = "0.5.0",
                ["name"] = "Basic McBadge",
                ["image"] = "/images/1.png",
                ["description"] = "A basic badge.",
                ["criteria"] = "/criteria/1",
                ["issuer"] = new JsonObject { ["origin"] = Origin, ["name"] = "Basic Issuer" },
            },
        });

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(url)), recipient: "learner@example.org");

        ReportAssert.Valid(report);
        Assert.Equal("0.5", report.OpenBadgesVersion);
        Assert.Equal(Origin + "/images/1.png", report.Badge?.Image);
        Assert.Equal("Basic Issuer", report.Badge?.IssuerName);
    }

    [Fact]
    public async Task VerifyAsync_V05JsonWithoutUrl_CannotBeVerified()
    {
        await using var issuer = await StartAsync();
        var json = """{"recipient":"learner@example.org","badge":{"version":"0.5.0","name":"B","image":"https://x.example/i","description":"d","criteria":"https://x.example/c","issuer":{"origin":"https://x.example","name":"I"}}}""";

        var report = await issuer.VerifyAsync(VerificationInput.FromText(json));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.Method, CheckOutcome.Failed);
        Assert.Equal("0.5", report.OpenBadgesVersion);
    }
}
