using static Verifier.Core.Tests.OpenBadges2.Ob2TestIssuer;

namespace Verifier.Core.Tests.OpenBadges2;

/// <summary>OB 2.0 endorsements verified as nested reports, about what they sit on (docs/security.md rule 6).</summary>
public sealed class Ob2EndorsementTests
{
    private const string Endorser = "https://other.example/endorser.json";
    private const string EndorsementId = "https://other.example/endorsements/1.json";

    [Fact]
    public async Task VerifyAsync_HostedEndorsementOfTheBadgeClass_NestedReportValid()
    {
        await using var issuer = await PublishAsync(Endorsement(EndorsementId, BadgeId));

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        ReportAssert.Valid(report);
        ReportAssert.Has(report, Ob2CheckIds.Endorsement, CheckOutcome.Passed);
        var nested = Assert.Single(report.Endorsements!);
        ReportAssert.Valid(nested);
        ReportAssert.Has(nested, Ob2CheckIds.AttachedTo, CheckOutcome.Passed);
        Assert.Equal(Endorser, nested.Issuer?.Id);
    }

    [Fact]
    public async Task VerifyAsync_EndorsementAboutAnotherNode_NestedInvalidBadgeStillValid()
    {
        await using var issuer = await PublishAsync(Endorsement(EndorsementId, "https://issuer.example/badges/another.json"));

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        ReportAssert.Valid(report);
        ReportAssert.Has(report, Ob2CheckIds.Endorsement, CheckOutcome.Warning);
        var nested = Assert.Single(report.Endorsements!);
        ReportAssert.Outcome(nested, VerificationOutcome.Invalid);
        ReportAssert.Has(nested, Ob2CheckIds.AttachedTo, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_EndorsementHostedOutsideTheEndorsersOrigin_NestedInvalid()
    {
        const string elsewhere = "https://issuer.example/endorsements/forged.json";
        await using var issuer = await PublishAsync(Endorsement(elsewhere, BadgeId), hostedAt: elsewhere);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        ReportAssert.Valid(report);
        var nested = Assert.Single(report.Endorsements!);
        ReportAssert.Outcome(nested, VerificationOutcome.Invalid);
        ReportAssert.Has(nested, Ob2CheckIds.ScopeOrigin, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_EndorsementUnreachable_WarningAndBadgeStillValid()
    {
        await using var issuer = await PublishAsync(Endorsement(EndorsementId, BadgeId), status: 503);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        ReportAssert.Valid(report);
        ReportAssert.Has(report, Ob2CheckIds.Endorsement, CheckOutcome.Warning);
        ReportAssert.Outcome(Assert.Single(report.Endorsements!), VerificationOutcome.Indeterminate);
    }

    [Fact]
    public async Task VerifyAsync_SignedEndorsementOfTheAssertion_Valid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var endorsement = Endorsement("urn:uuid:7b8c3e0a-1111-4e2a-9f00-000000000001", AssertionUrl, IssuerId);
        endorsement["verification"] = new JsonObject { ["type"] = "SignedBadge", ["creator"] = KeyId };
        var assertion = Assertion();
        assertion["endorsement"] = Sign(endorsement, issuer.Key);
        issuer.Serve(AssertionUrl, assertion);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        ReportAssert.Valid(report);
        ReportAssert.Valid(Assert.Single(report.Endorsements!));
    }

    [Fact]
    public async Task VerifyAsync_EndorsementOfTheEndorsement_NotFollowed()
    {
        var endorsement = Endorsement(EndorsementId, BadgeId);
        endorsement["endorsement"] = "https://other.example/endorsements/2.json";
        await using var issuer = await PublishAsync(endorsement);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        var nested = Assert.Single(report.Endorsements!);
        ReportAssert.Has(nested, Ob2CheckIds.Endorsement, CheckOutcome.Skipped);
        Assert.Equal(0, issuer.Server.Hits("/endorsements/2.json"));
    }

    [Fact]
    public async Task VerifyAsync_MoreEndorsementsThanTheBound_RestSkipped()
    {
        await using var issuer = await PublishAsync(Endorsement(EndorsementId, BadgeId));
        issuer.BadgeClass["endorsement"] = new JsonArray([.. Enumerable.Repeat<JsonNode?>(null, 20).Select(_ => (JsonNode?)EndorsementId)]);
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(AssertionUrl)));

        Assert.Equal(16, report.Endorsements!.Count);
        ReportAssert.Has(report, Ob2CheckIds.Endorsement, CheckOutcome.Skipped);
    }

    private static JsonObject Endorsement(string id, string claimId, string endorser = Endorser) => new()
    {
        ["@context"] = "https://w3id.org/openbadges/v2",
        ["type"] = "Endorsement",
        ["id"] = id,
        ["claim"] = new JsonObject { ["id"] = claimId, ["endorsementComment"] = "A fine badge." },
        ["issuer"] = endorser,
        ["issuedOn"] = "2026-02-01T00:00:00Z",
        ["verification"] = new JsonObject { ["type"] = "HostedBadge" },
    };

    private static async Task<Ob2TestIssuer> PublishAsync(JsonObject endorsement, string hostedAt = EndorsementId, int status = 200)
    {
        var issuer = await StartAsync();
        issuer.BadgeClass["endorsement"] = JsonValue.Create(hostedAt);
        issuer.Publish();
        issuer.Serve(AssertionUrl, Assertion());
        issuer.Serve(Endorser, new JsonObject
        {
            ["@context"] = "https://w3id.org/openbadges/v2",
            ["type"] = "Profile",
            ["id"] = Endorser,
            ["name"] = "Other Org",
            ["url"] = "https://other.example",
            ["email"] = "hello@other.example",
        });
        issuer.Serve(hostedAt, endorsement, status);
        return issuer;
    }
}
