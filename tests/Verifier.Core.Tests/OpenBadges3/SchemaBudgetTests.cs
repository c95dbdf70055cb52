namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>Schemas are named by the credential: fetched only once its proof verified, and evaluated within a budget.</summary>
public class SchemaBudgetTests
{
    private const string SchemaPath = "/schema.json";

    [Fact]
    public async Task VerifyAsync_ProofDoesNotVerify_SchemaIsNeitherFetchedNorEvaluated()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.P256();
        using var other = TestKey.P256();
        var kid = f.HostJwk(key);
        f.Server.MapJson(SchemaPath, """{"type":"object"}""");

        var report = await f.VerifyAsync(Jwt.Sign(other, Ob3Fixtures.Payload(WithSchema(Ob3Fixtures.Credential())), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.Schema, CheckOutcome.Skipped);
        Assert.Equal(0, f.Server.Hits(SchemaPath));
    }

    [Fact]
    public async Task VerifyAsync_SchemaEvaluationOverBudget_IsIndeterminateNotUnexpected()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        // Catastrophic backtracking on the credential's own name: exponential in its length.
        f.Server.MapJson(SchemaPath, """{"type":"object","properties":{"name":{"type":"string","pattern":"^(a+)+$"}}}""");
        var credential = WithSchema(Ob3Fixtures.Credential());
        credential["name"] = new string('a', 30) + "!";

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid),
            configure: o => o.Schema.EvaluationBudget = TimeSpan.FromMilliseconds(20));

        ReportAssert.Outcome(report, VerificationOutcome.Indeterminate);
        var check = Assert.Single(report.Checks, c => c.Id == Ob3CheckIds.Schema);
        Assert.True(check.Indeterminate);
        Assert.DoesNotContain(report.Checks, c => c.Id == "engine.unexpected");
    }

    private static JsonObject WithSchema(JsonObject credential)
    {
        credential["credentialSchema"] = new JsonArray(new JsonObject { ["id"] = "https://issuer.example" + SchemaPath, ["type"] = SchemaChecker.ValidatorType });
        return credential;
    }
}
