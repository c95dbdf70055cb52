using DateChecks = Verifier.Core.OpenBadges2.Checks.DateChecks;
using Verifier.Core.OpenBadges2.Checks;
using Verifier.Core.OpenBadges2.Signed;

namespace Verifier.Core.Tests.OpenBadges2;

public class Ob2CheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static CheckOutcome OutcomeOf(CheckCollector checks, string id) => checks.Snapshot().Last(c => c.Id == id).Outcome;

    [Theory]
    [InlineData("2026-06-01T12:04:00Z", CheckOutcome.Passed)] // within the 5 minute skew
    [InlineData("2026-06-01T12:06:00Z", CheckOutcome.Failed)]
    [InlineData("2020-01-01T00:00:00Z", CheckOutcome.Passed)]
    public void DateChecks_IssuedOn_NotInFuture(string issuedOn, CheckOutcome outcome)
    {
        var checks = new CheckCollector();
        DateChecks.Run(Obj($$"""{"issuedOn":"{{issuedOn}}"}"""), Now, TimeSpan.FromMinutes(5), checks);
        Assert.Equal(outcome, OutcomeOf(checks, Ob2CheckIds.IssuedOn));
    }

    [Theory]
    [InlineData("2026-06-01T11:56:00Z", CheckOutcome.Passed)] // within the skew
    [InlineData("2026-05-31T00:00:00Z", CheckOutcome.Failed)]
    [InlineData("2019-01-01T00:00:00Z", CheckOutcome.Failed)] // before issuedOn
    [InlineData("2030-01-01T00:00:00Z", CheckOutcome.Passed)]
    public void DateChecks_Expires_PastOrBeforeIssue_Fails(string expires, CheckOutcome outcome)
    {
        var checks = new CheckCollector();
        DateChecks.Run(Obj($$"""{"issuedOn":"2020-01-01T00:00:00Z","expires":"{{expires}}"}"""), Now, TimeSpan.FromMinutes(5), checks);
        Assert.Equal(outcome, OutcomeOf(checks, Ob2CheckIds.Expires));
    }

    [Theory]
    [InlineData("https://issuer.example/a/1", """{"id":"https://issuer.example/i"}""", CheckOutcome.Passed)]
    [InlineData("http://issuer.example/a/1", """{"id":"https://issuer.example/i"}""", CheckOutcome.Failed)]
    [InlineData("https://issuer.example:8443/a/1", """{"id":"https://issuer.example/i"}""", CheckOutcome.Failed)]
    [InlineData("https://evil.example/a/1", """{"id":"https://issuer.example/i"}""", CheckOutcome.Failed)]
    [InlineData("https://issuer.example.evil.example/a/1", """{"id":"https://issuer.example/i"}""", CheckOutcome.Failed)]
    [InlineData("https://cdn.example/a/1", """{"id":"https://issuer.example/i","verification":{"allowedOrigins":"cdn.example"}}""", CheckOutcome.Passed)]
    [InlineData("https://issuer.example/a/1", """{"id":"https://issuer.example/i","verification":{"allowedOrigins":["cdn.example"]}}""", CheckOutcome.Failed)]
    public void ScopeCheck_Origin(string assertionId, string issuer, CheckOutcome outcome)
    {
        var checks = new CheckCollector();
        ScopeCheck.Run(new Uri(assertionId), new Uri("https://issuer.example/i"), Obj(issuer), checks);
        Assert.Equal(outcome, OutcomeOf(checks, Ob2CheckIds.ScopeOrigin));
    }

    [Theory]
    [InlineData("""{"startsWith":"https://issuer.example/a/"}""", "https://issuer.example/a/1", CheckOutcome.Passed)]
    [InlineData("""{"startsWith":["https://issuer.example/x/","https://issuer.example/a/"]}""", "https://issuer.example/a/1", CheckOutcome.Passed)]
    [InlineData("""{"startsWith":"https://issuer.example/x/"}""", "https://issuer.example/a/1", CheckOutcome.Failed)]
    [InlineData("""{"startsWith":"https://issuer.example/a"}""", "https://issuer.example/a/1", CheckOutcome.Passed)]
    [InlineData("""{"startsWith":"https://issuer.example/a"}""", "https://issuer.example/a-b/1", CheckOutcome.Passed)]
    [InlineData("""{"startsWith":"https://issuer.example/a/"}""", "https://issuer.example/a-b/1", CheckOutcome.Failed)]
    [InlineData("""{"startsWith":"https://issuer.example/a"}""", "https://issuer.example:8443/a/1", CheckOutcome.Failed)]
    [InlineData("""{"startsWith":"https://issuer.example"}""", "https://issuer.example.evil.example/a/1", CheckOutcome.Failed)]
    public void ScopeCheck_StartsWithMatchesOnUrlBoundaries(string policy, string assertion, CheckOutcome outcome)
    {
        var checks = new CheckCollector();
        var issuer = Obj("""{"id":"https://issuer.example/i"}""");
        issuer["verification"] = Obj(policy);
        ScopeCheck.Run(new Uri(assertion), new Uri("https://issuer.example/i"), issuer, checks);
        Assert.Equal(outcome, OutcomeOf(checks, Ob2CheckIds.ScopeStartsWith));
    }

    [Fact]
    public void ScopeCheck_StartsWithWithoutAllowedOrigins_StillRequiresTheIssuerOrigin()
    {
        var checks = new CheckCollector();
        var issuer = Obj("""{"id":"https://issuer.example/i","verification":{"startsWith":"https://cdn.example/a/"}}""");

        var proof = ScopeCheck.Run(new Uri("https://cdn.example/a/1"), new Uri("https://issuer.example/i"), issuer, checks);

        Assert.Null(proof);
        Assert.Equal(CheckOutcome.Passed, OutcomeOf(checks, Ob2CheckIds.ScopeStartsWith));
        Assert.Equal(CheckOutcome.Failed, OutcomeOf(checks, Ob2CheckIds.ScopeOrigin));
    }

    [Fact]
    public void ScopeCheck_LegacyIssuerPolicyIsNeverRead()
    {
        var checks = new CheckCollector();

        var proof = ScopeCheck.Run(new Uri("https://evil.example/a/1"), new Uri("https://issuer.example/"), policyIssuer: null, checks);

        Assert.Null(proof);
        Assert.Equal(CheckOutcome.Failed, OutcomeOf(checks, Ob2CheckIds.ScopeOrigin));
    }

    [Fact]
    public void RevocationFind_MatchesStringsIdsAndUids()
    {
        var list = Obj("""
            {"type":"RevocationList","revokedAssertions":["urn:uuid:a",{"id":"urn:uuid:b","revocationReason":"r1"},{"uid":"u1","revocationReason":"r2"}]}
            """);

        Assert.NotNull(RevocationCheck.Find(list, "urn:uuid:a", null));
        Assert.Equal("r1", RevocationCheck.Find(list, "urn:uuid:b", null)?.Reason);
        Assert.Equal("r2", RevocationCheck.Find(list, "urn:uuid:z", "u1")?.Reason);
        Assert.Null(RevocationCheck.Find(list, "urn:uuid:z", "u2"));
        Assert.Null(RevocationCheck.Find(list, null, null));
    }

    [Fact]
    public void KeySelection_CreatorMustBeListed()
    {
        var issuer = Obj("""{"id":"https://i.example/i","publicKey":["https://i.example/k1",{"id":"https://i.example/k2","publicKeyPem":"x"}]}""");

        Assert.Single(KeySelection.Candidates(issuer, "https://i.example/k2", out var e1));
        Assert.Null(e1);
        Assert.Equal(2, KeySelection.Candidates(issuer, null, out _).Count);
        Assert.Empty(KeySelection.Candidates(issuer, "https://evil.example/k", out var e2));
        Assert.NotNull(e2);
    }
}
