namespace Verifier.Core.Tests.Engine;

public sealed class CheckClassesTests
{
    // Every check that decides authenticity: the profile machinery must never demote one of them.
    public static TheoryData<string> AuthenticityIds => new()
    {
        "proof.present", "proof.dataIntegrity", "proof.canonicalForm", "ob3.proof", "ob3.issuer-key",
        "ob3.jwt.header", "ob3.jwt.key", "ob3.jwt.signature", "ob3.jwt.claims", "ob3.parse", "ob3.type",
        "ob3.status", "ob3.status.list", "ob3.valid-from", "ob3.valid-until", "ob3.recipient", "ob3.attached-to",
        "clr.credential", "ob3.refresh", "ob2.signature.verify", "ob2.signature.key", "ob2.signature.algorithm",
        "ob2.scope.origin", "ob2.scope.startsWith", "ob2.scope.badgeclass", "ob2.revocation", "ob2.hosted.revoked", "ob2.dates.issuedOn",
        "ob2.dates.expires", "ob2.recipient", "ob2.node.id", "ob2.assertion.fetch", "ob2.key.fetch",
        "ob2.structure.key", "ob2.structure.revocationList", "input.format", "input.unbake", "input.fetch",
        "engine.family", "engine.unexpected",
    };

    [Theory]
    [MemberData(nameof(AuthenticityIds))]
    public void ConformanceCapable_AuthenticityId_IsNotListed(string id) =>
        Assert.False(CheckClasses.ConformanceCapable.Contains(id), $"{id} decides authenticity and must never be conformance-capable");

    [Theory]
    [MemberData(nameof(AuthenticityIds))]
    public void Apply_ConformanceMarkOnAuthenticityId_StaysEssentialError(string id)
    {
        var collector = new CheckCollector();
        collector.Conformance(id, "a check that decides authenticity, wrongly marked");

        var read = Assert.Single(CheckClasses.Apply(collector.Snapshot(), VerificationProfile.Authenticity));

        Assert.Equal(CheckOutcome.Failed, read.Outcome);
        Assert.Equal(CheckClass.Essential, read.Class);
    }

    [Fact]
    public void Apply_AuthenticityProfile_DemotesConformanceFailureToWarning()
    {
        var collector = new CheckCollector();
        collector.Pass("ob3.proof", "signed");
        collector.Conformance("ob3.structure", "the credentialSubject must be identified by id and/or identifier");

        var read = CheckClasses.Apply(collector.Snapshot(), VerificationProfile.Authenticity);

        Assert.Equal(CheckOutcome.Warning, read[1].Outcome);
        Assert.Equal(CheckClass.Conformance, read[1].Class);
        Assert.Equal(VerificationOutcome.Valid, CheckCollector.Decide(read));
    }

    [Fact]
    public void Apply_ConformanceProfile_KeepsConformanceFailureAnError()
    {
        var collector = new CheckCollector();
        collector.Pass("ob3.proof", "signed");
        collector.Conformance("ob3.structure", "the credentialSubject must be identified by id and/or identifier");

        var read = CheckClasses.Apply(collector.Snapshot(), VerificationProfile.Conformance);

        Assert.Equal(CheckOutcome.Failed, read[1].Outcome);
        Assert.Equal(VerificationOutcome.Invalid, CheckCollector.Decide(read));
    }

    [Fact]
    public void Apply_EssentialFailureOnConformanceCapableId_StaysErrorUnderAuthenticity()
    {
        var collector = new CheckCollector();
        collector.Pass("ob3.proof", "signed");
        collector.Fail("ob3.structure", "issuer is required");

        var read = CheckClasses.Apply(collector.Snapshot(), VerificationProfile.Authenticity);

        Assert.Equal(CheckOutcome.Failed, read[1].Outcome);
        Assert.Equal(VerificationOutcome.Invalid, CheckCollector.Decide(read));
    }

    [Fact]
    public void ReportJson_ConformanceResult_CarriesClassAndEssentialOmitsIt()
    {
        var essential = ReportJson.Serialize(new VerificationReport { Checks = [new CheckResult("ob3.proof", CheckOutcome.Passed, "ok")] });
        var conformance = ReportJson.Serialize(new VerificationReport { Checks = [new CheckResult("ob3.structure", CheckOutcome.Warning, "x") { Class = CheckClass.Conformance }] });

        Assert.DoesNotContain("\"class\"", essential, StringComparison.Ordinal);
        Assert.Contains("\"class\": \"conformance\"", conformance, StringComparison.Ordinal);
        Assert.Contains("\"profile\": \"authenticity\"", essential, StringComparison.Ordinal);
    }
}
