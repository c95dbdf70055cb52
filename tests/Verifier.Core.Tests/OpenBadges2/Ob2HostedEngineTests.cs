using static Verifier.Core.Tests.OpenBadges2.Ob2TestIssuer;

namespace Verifier.Core.Tests.OpenBadges2;

/// <summary>End to end through BadgeVerifier: hosted assertions served by a real loopback server.</summary>
public class Ob2HostedEngineTests
{
    /// <summary>The issuer published, with its assertion (changed first if asked) hosted at <see cref="AssertionUrl"/>.</summary>
    private static async Task<Ob2TestIssuer> HostedAsync(Action<JsonObject>? change = null)
    {
        var issuer = await StartAsync();
        var assertion = Assertion();
        change?.Invoke(assertion);
        issuer.Publish();
        issuer.Serve(AssertionUrl, assertion);
        return issuer;
    }

    /// <summary>Verifies the hosted assertion by its URL, as a user pasting the link would.</summary>
    private static Task<VerificationReport> VerifyUrlAsync(Ob2TestIssuer issuer, string? recipient = null, DateTimeOffset? at = null) =>
        issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)), recipient, at);

    [Fact]
    public async Task VerifyAsync_HostedUrl_IsValidWithSummary()
    {
        await using var issuer = await HostedAsync();

        var report = await VerifyUrlAsync(issuer);

        ReportAssert.Valid(report);
        Assert.Equal("2.0", report.OpenBadgesVersion);
        Assert.Equal("hosted", report.Verification?.Method);
        Assert.Equal("Robotics", report.Badge?.Name);
        Assert.Equal("Example Issuer", report.Badge?.IssuerName);
        Assert.Equal(IssuerId, report.Badge?.IssuerId);
        Assert.StartsWith("sha256$", report.Badge?.Recipient, StringComparison.Ordinal);
        ReportAssert.Has(report, Ob2CheckIds.ScopeOrigin, CheckOutcome.Passed);
        ReportAssert.Has(report, Ob2CheckIds.HostedRevoked, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_HostedJsonInput_VerifiesTheFetchedCopy()
    {
        await using var issuer = await HostedAsync();
        var forged = Assertion();
        forged["issuedOn"] = "2025-01-01T00:00:00Z";
        forged["recipient"]!["identity"] = HashedEmail("mallory@example.org");

        var report = await issuer.VerifyAsync(VerificationInput.FromText(forged.ToJsonString()), recipient: Email);

        ReportAssert.Valid(report);
        Assert.Equal(1, issuer.Server.Hits("/assertions/1.json"));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero), report.Badge?.IssuedOn);
    }

    [Fact]
    public async Task VerifyAsync_Hosted410_IsRevoked()
    {
        await using var issuer = await HostedAsync();
        issuer.Serve(AssertionUrl, new JsonObject { ["id"] = AssertionUrl, ["revoked"] = true, ["revocationReason"] = "Cheated" }, 410);

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Assertion().ToJsonString()));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.HostedRevoked, CheckOutcome.Failed);
        Assert.Contains(report.Checks, c => c.Id == Ob2CheckIds.HostedRevoked && c.Message.Contains("Cheated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("revoked", "true", Ob2CheckIds.HostedRevoked)]
    [InlineData("expires", "\"2026-03-01T00:00:00Z\"", Ob2CheckIds.Expires)]
    [InlineData("issuedOn", "\"2027-01-01T00:00:00Z\"", Ob2CheckIds.IssuedOn)]
    [InlineData("issuedOn", "\"2026-01-15T10:00:00\"", Ob2CheckIds.StructureAssertion)] // a date-time without a zone
    public async Task VerifyAsync_HostedAssertionPropertyBreakingARule_IsInvalidOnThatCheck(string property, string json, string failedCheck)
    {
        await using var issuer = await HostedAsync(a => a[property] = JsonNode.Parse(json));

        var report = await VerifyUrlAsync(issuer);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, failedCheck, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData("/assertions/1.json", 410, Ob2CheckIds.HostedRevoked)] // 410 Gone at the assertion's URL is revocation
    [InlineData("/badge.json", 404, Ob2CheckIds.BadgeClassFetch)]
    public async Task VerifyAsync_HostedDocumentAnsweringWithAnError_IsInvalidOnThatCheck(string path, int status, string failedCheck)
    {
        await using var issuer = await HostedAsync();
        issuer.Server.MapStatus(path, status);

        var report = await VerifyUrlAsync(issuer);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, failedCheck, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_Hosted404_IsInvalid()
    {
        await using var issuer = await HostedAsync();
        issuer.Server.MapStatus("/assertions/1.json", 404);

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Assertion().ToJsonString()));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.AssertionFetch, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_ExpiredButAskedAsOfBefore_IsValid()
    {
        await using var issuer = await HostedAsync(a => a["expires"] = "2026-03-01T00:00:00Z");

        var report = await VerifyUrlAsync(issuer, at: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

        ReportAssert.Valid(report);
    }

    [Fact]
    public async Task VerifyAsync_AssertionOnOtherOrigin_FailsScope()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var assertion = Assertion();
        assertion["id"] = "https://other.example/assertions/1.json";
        issuer.Serve("https://other.example/assertions/1.json", assertion);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri("https://other.example/assertions/1.json")));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.ScopeOrigin, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_AllowedOriginsListsOtherHost_Passes()
    {
        await using var issuer = await StartAsync();
        issuer.Issuer["verification"] = new JsonObject { ["allowedOrigins"] = new JsonArray("badges.example", "other.example") };
        issuer.Publish();
        var assertion = Assertion();
        assertion["id"] = "https://other.example/assertions/1.json";
        issuer.Serve("https://other.example/assertions/1.json", assertion);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri("https://other.example/assertions/1.json")));

        ReportAssert.Valid(report);
    }

    [Fact]
    public async Task VerifyAsync_StartsWithMismatch_FailsScope()
    {
        await using var issuer = await HostedAsync();
        issuer.Issuer["verification"] = new JsonObject { ["startsWith"] = Origin + "/badges/" };
        issuer.Publish();

        var report = await VerifyUrlAsync(issuer);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.ScopeStartsWith, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_StartsWithListMatch_Passes()
    {
        await using var issuer = await HostedAsync();
        issuer.Issuer["verification"] = new JsonObject { ["startsWith"] = new JsonArray(Origin + "/badges/", Origin + "/assertions/") };
        issuer.Publish();

        var report = await VerifyUrlAsync(issuer);

        ReportAssert.Valid(report);
        ReportAssert.Has(report, Ob2CheckIds.ScopeStartsWith, CheckOutcome.Passed);
    }

    [Theory]
    [InlineData(true, "learner@example.org", CheckOutcome.Passed)]
    [InlineData(true, "LEARNER@example.ORG", CheckOutcome.Passed)]
    [InlineData(true, "someone@example.org", CheckOutcome.Failed)]
    [InlineData(false, "Learner@example.org", CheckOutcome.Passed)]
    [InlineData(false, "someone@example.org", CheckOutcome.Failed)]
    public async Task VerifyAsync_Recipient_MatchesHashedAndPlain(bool hashed, string expected, CheckOutcome outcome)
    {
        await using var issuer = await HostedAsync(a =>
        {
            if (!hashed)
            {
                a["recipient"] = new JsonObject { ["type"] = "email", ["hashed"] = false, ["identity"] = "learner@example.org" };
            }
        });

        var report = await VerifyUrlAsync(issuer, expected);

        ReportAssert.Has(report, Ob2CheckIds.Recipient, outcome);
        ReportAssert.Outcome(report, outcome == CheckOutcome.Passed ? VerificationOutcome.Valid : VerificationOutcome.Invalid);
        Assert.Equal("Assertion", report.Badge?.Kind);
    }

    [Fact]
    public async Task VerifyAsync_UnreachableIssuer_IsIndeterminate()
    {
        await using var issuer = await HostedAsync();
        issuer.Server.MapStatus("/issuer.json", 503);

        var report = await VerifyUrlAsync(issuer);

        ReportAssert.Outcome(report, VerificationOutcome.Indeterminate);
        Assert.Contains(report.Checks, c => c.Id == Ob2CheckIds.IssuerFetch && c.Indeterminate);
    }

    [Fact]
    public async Task VerifyAsync_EmbeddedBadgeAndIssuer_IsValid()
    {
        await using var issuer = await HostedAsync();
        var badge = issuer.BadgeClass.DeepClone().AsObject();
        badge["issuer"] = issuer.Issuer.DeepClone();
        var assertion = Assertion();
        assertion["badge"] = badge;
        issuer.Serve(AssertionUrl, assertion);

        var report = await VerifyUrlAsync(issuer);

        ReportAssert.Valid(report);
        Assert.Equal(0, issuer.Server.Hits("/badge.json"));
    }

    [Fact]
    public async Task VerifyAsync_EmbeddedIssuerWideningAllowedOrigins_IsIgnored()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var embedded = issuer.Issuer.DeepClone().AsObject();
        embedded["verification"] = new JsonObject { ["allowedOrigins"] = "other.example" };
        var badge = issuer.BadgeClass.DeepClone().AsObject();
        badge["issuer"] = embedded;
        var assertion = Assertion();
        assertion["id"] = "https://other.example/assertions/1.json";
        assertion["badge"] = badge;
        issuer.Serve("https://other.example/assertions/1.json", assertion);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri("https://other.example/assertions/1.json")));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.ScopeOrigin, CheckOutcome.Failed);
        Assert.Equal(1, issuer.Server.Hits("/issuer.json"));
    }

    [Fact]
    public async Task VerifyAsync_EmbeddedIssuerNotHosted_FailsScope()
    {
        await using var issuer = await HostedAsync();
        var badge = issuer.BadgeClass.DeepClone().AsObject();
        badge["issuer"] = issuer.Issuer.DeepClone();
        var assertion = Assertion();
        assertion["badge"] = badge;
        issuer.Serve(AssertionUrl, assertion);
        issuer.Server.MapStatus("/issuer.json", 404);

        var report = await VerifyUrlAsync(issuer);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.ScopeOrigin, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_NodeDeclaringAnIdThatDoesNotServeIt_IsInvalid()
    {
        await using var issuer = await HostedAsync();
        var badge = issuer.BadgeClass.DeepClone().AsObject();
        badge["id"] = Origin + "/elsewhere.json";
        issuer.Serve(BadgeId, badge);

        var report = await VerifyUrlAsync(issuer);

        // docs/security.md rule 1: the copy claims to be a node that its id does not serve, so it speaks for no one.
        ReportAssert.Has(report, Ob2CheckIds.NodeId, CheckOutcome.Failed);
        Assert.Equal(VerificationOutcome.Invalid, report.Outcome);
    }

    [Fact]
    public async Task VerifyAsync_NodeServedAwayFromItsIdThatServesItToo_UsesTheCopyAtItsId()
    {
        await using var issuer = await HostedAsync();
        var badge = issuer.BadgeClass.DeepClone().AsObject();
        badge["id"] = Origin + "/elsewhere.json";
        issuer.Serve(BadgeId, badge);
        issuer.Serve(Origin + "/elsewhere.json", badge);

        var report = await VerifyUrlAsync(issuer);

        ReportAssert.Valid(report);
        ReportAssert.Has(report, Ob2CheckIds.NodeId, CheckOutcome.Passed);
    }
}
