using static Verifier.Core.Tests.Recipients.RecipientMatcherTests;

namespace Verifier.Core.Tests.Recipients;

/// <summary>Recipient matching end to end through BadgeVerifier with <c>VerificationRequest.Recipient</c>.</summary>
public class RecipientEngineTests
{
    [Theory]
    [InlineData("telephone", false, "15550100", "15550100@evil.example", CheckOutcome.Failed)]
    [InlineData("telephone", true, "15550100", "15550100@evil.example", CheckOutcome.Failed)]
    [InlineData("telephone", false, "+15550100", "+1 555 0100", CheckOutcome.Passed)]
    [InlineData("telephone", true, "+15550100", "tel:+1-555-0100", CheckOutcome.Passed)]
    [InlineData("email", false, "kim@example.org", "\u212Aim@example.org", CheckOutcome.Failed)]
    [InlineData("email", true, "kim@example.org", "\u212Aim@example.org", CheckOutcome.Failed)]
    [InlineData("email", true, "sam@example.org", "\u017Fam@example.org", CheckOutcome.Failed)]
    [InlineData("email", true, "info@example.org", "\u0131nfo@example.org", CheckOutcome.Failed)]
    [InlineData("email", true, "kim@example.org", "KIM@Example.ORG", CheckOutcome.Passed)]
    [InlineData("email", false, "kim@example.org", "mailto:Kim@example.org", CheckOutcome.Passed)]
    [InlineData("url", false, "https://example.org/kim", "kim@example.org", CheckOutcome.Failed)]
    [InlineData("email", false, "kim@example.org", "https://example.org/kim", CheckOutcome.Failed)]
    [InlineData("url", true, "https://example.org/kim", "https://EXAMPLE.org/kim", CheckOutcome.Passed)]
    public async Task VerifyAsync_Ob2Recipient_ComparesLikeWithLike(string type, bool hashed, string identity, string expected, CheckOutcome outcome)
    {
        await using var issuer = await Ob2TestIssuer.StartAsync();
        var assertion = Ob2TestIssuer.Assertion();
        assertion["recipient"] = new JsonObject
        {
            ["type"] = type,
            ["hashed"] = hashed,
            ["salt"] = "pepper",
            ["identity"] = hashed ? "sha256$" + Sha256(identity + "pepper") : identity,
        };
        issuer.Publish();
        issuer.Serve(Ob2TestIssuer.AssertionUrl, assertion);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(Ob2TestIssuer.AssertionUrl)), recipient: expected);

        ReportAssert.Has(report, Ob2CheckIds.Recipient, outcome);
        ReportAssert.Outcome(report, outcome == CheckOutcome.Passed ? VerificationOutcome.Valid : VerificationOutcome.Invalid);
    }

    [Fact]
    public async Task VerifyAsync_Ob2KindMismatch_NamesBothKinds()
    {
        await using var issuer = await Ob2TestIssuer.StartAsync();
        var assertion = Ob2TestIssuer.Assertion();
        assertion["recipient"] = new JsonObject { ["type"] = "telephone", ["hashed"] = false, ["identity"] = "15550100" };
        issuer.Publish();
        issuer.Serve(Ob2TestIssuer.AssertionUrl, assertion);

        var report = await issuer.VerifyAsync(VerificationInput.FromUrl(new Uri(Ob2TestIssuer.AssertionUrl)), recipient: "15550100@evil.example");

        var message = ReportAssert.Has(report, Ob2CheckIds.Recipient, CheckOutcome.Failed).Message;
        Assert.Contains("an e-mail address", message, StringComparison.Ordinal);
        Assert.Contains("a telephone number", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("emailAddress", true, "kim@example.org", "\u212Aim@example.org", CheckOutcome.Failed)]
    [InlineData("emailAddress", true, "info@example.org", "\u0130NFO@example.org", CheckOutcome.Failed)]
    [InlineData("emailAddress", false, "sam@example.org", "\u017Fam@example.org", CheckOutcome.Failed)]
    [InlineData("emailAddress", true, "kim@example.org", "Kim@Example.org", CheckOutcome.Passed)]
    [InlineData("emailAddress", false, "kim@example.org", "mailto:KIM@example.org", CheckOutcome.Passed)]
    [InlineData("sourcedId", false, "kim@example.org", "kim@example.org", CheckOutcome.Failed)]
    [InlineData("sourcedId", true, "20231234", "20231234", CheckOutcome.Passed)]
    [InlineData("phone", false, "15550100", "15550100@evil.example", CheckOutcome.Failed)]
    [InlineData("emailAddress", false, "https://example.org/kim", "https://example.org/kim", CheckOutcome.Failed)]
    public async Task VerifyAsync_Ob3Identifier_ComparesLikeWithLike(string identityType, bool hashed, string identity, string expected, CheckOutcome outcome)
    {
        var report = await VerifyOb3Async(subject =>
        {
            subject.Remove("id");
            subject["identifier"] = new JsonArray(new JsonObject
            {
                ["type"] = "IdentityObject",
                ["identityType"] = identityType,
                ["hashed"] = hashed,
                ["identityHash"] = hashed ? "sha256$" + Sha256(identity + "pepper").ToUpperInvariant() : identity,
                ["salt"] = "pepper",
            });
        }, expected);

        ReportAssert.Has(report, Ob3CheckIds.Recipient, outcome);
        ReportAssert.Outcome(report, outcome == CheckOutcome.Passed ? VerificationOutcome.Valid : VerificationOutcome.Invalid);
    }

    [Theory]
    [InlineData("did:example:learner-1", "did:example:learner-1", CheckOutcome.Passed)]
    [InlineData("did:example:learner-1", "did:example:LEARNER-1", CheckOutcome.Failed)]
    [InlineData("https://example.org/learners/1", "https://Example.org/learners/1", CheckOutcome.Passed)]
    [InlineData("https://example.org/learners/1", "did:example:learners/1", CheckOutcome.Failed)]
    [InlineData("did:web:example.org", "https://example.org", CheckOutcome.Failed)]
    [InlineData("mailto:kim@example.org", "kim@example.org", CheckOutcome.Failed)]
    public async Task VerifyAsync_Ob3SubjectId_MatchesOnlyADidOrUrlOfTheSameKind(string subjectId, string expected, CheckOutcome outcome)
    {
        var report = await VerifyOb3Async(subject => subject["id"] = subjectId, expected);

        ReportAssert.Has(report, Ob3CheckIds.Recipient, outcome);
    }

    /// <summary>A did:key-signed VC-JWT (no issuer server needed) whose credentialSubject is changed first.</summary>
    private static async Task<VerificationReport> VerifyOb3Async(Action<JsonObject> changeSubject, string recipient)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        var payload = Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: key.DidKey));
        payload.Remove("sub");
        changeSubject(payload["credentialSubject"]!.AsObject());
        return await f.VerifyAsync(Jwt.Sign(key, payload, kid: key.DidKeyUrl), recipient: recipient);
    }
}
