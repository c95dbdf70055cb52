using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>Schema, recipient, refresh, endorsements and the embedded-proof seam.</summary>
public class Ob3FeatureTests
{
    private const string Schema = """
        {
          "$schema": "https://json-schema.org/draft/2019-09/schema",
          "type": "object",
          "required": ["id", "name", "credentialSubject"],
          "properties": { "name": { "type": "string", "minLength": 3 } }
        }
        """;

    [Fact]
    public async Task VerifyAsync_ConformsToSchema_PassesSchemaCheck()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        f.Server.MapJson("/schema.json", Schema);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(WithSchema(Ob3Fixtures.Credential())), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Schema, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_ViolatesSchemaUnderConformanceProfile_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        f.Server.MapJson("/schema.json", Schema);
        var credential = WithSchema(Ob3Fixtures.Credential());
        credential["name"] = "x";

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid), configure: o => o.Profile = VerificationProfile.Conformance);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Equal("conformance", report.Profile);
        Assert.Contains("/name", ReportAssert.Has(report, Ob3CheckIds.Schema, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_ViolatesSchemaUnderAuthenticityProfile_IsValidWithConformanceWarning()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        f.Server.MapJson("/schema.json", Schema);
        var credential = WithSchema(Ob3Fixtures.Credential());
        credential["name"] = "x";

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal("authenticity", report.Profile);
        Assert.Equal(CheckClass.Conformance, ReportAssert.Has(report, Ob3CheckIds.Schema, CheckOutcome.Warning).Class);
    }

    [Fact]
    public async Task VerifyAsync_SchemaUnreachable_IsWarning()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        f.Server.MapStatus("/schema.json", 503);

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(WithSchema(Ob3Fixtures.Credential())), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Schema, CheckOutcome.Warning);
    }

    [Theory]
    [InlineData("learner@example.org", VerificationOutcome.Valid)]
    [InlineData("someone@example.org", VerificationOutcome.Invalid)]
    public async Task VerifyAsync_HashedEmailIdentifier_MatchesOnlyTheRecipient(string recipient, VerificationOutcome expected)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Ed25519());
        var payload = Ob3Fixtures.Payload(Ob3Fixtures.Credential());
        payload.Remove("sub");
        var subject = payload["credentialSubject"]!.AsObject();
        subject.Remove("id");
        var hash = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("learner@example.org" + "pepper")));
        subject["identifier"] = new JsonArray(new JsonObject { ["type"] = "IdentityObject", ["identityType"] = "emailAddress", ["hashed"] = true, ["identityHash"] = hash, ["salt"] = "pepper" });

        var report = await f.VerifyAsync(Jwt.Sign(key, payload, kid: kid), recipient: recipient);

        ReportAssert.Outcome(report, expected);
        ReportAssert.Has(report, Ob3CheckIds.Recipient, expected == VerificationOutcome.Valid ? CheckOutcome.Passed : CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_RecipientIsSubjectId_Matches()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid), recipient: Ob3Fixtures.SubjectId);

        ReportAssert.Has(report, Ob3CheckIds.Recipient, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_RefreshServiceDown_WarnsAndFetchesOnce()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        f.Server.MapStatus("/refresh", 404);
        var credential = Ob3Fixtures.Credential();
        credential["refreshService"] = new JsonObject { ["id"] = "https://issuer.example/refresh", ["type"] = "1EdTechCredentialRefresh" };

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Refresh, CheckOutcome.Warning);
        Assert.Equal(1, f.Server.Hits("/refresh"));
    }

    [Fact]
    public async Task VerifyAsync_EndorsementJwtAndObject_AreVerifiedAsNestedReports()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var credential = Ob3Fixtures.Credential();
        // Each endorsement is about what it sits on (docs/security.md rule 6): the credential, the achievement.
        var endorsement = Endorsement(credential["id"]!.GetValue<string>());
        credential["endorsementJwt"] = new JsonArray(Jwt.Sign(key, Ob3Fixtures.Payload(endorsement), kid: kid));
        credential["credentialSubject"]!["achievement"]!["endorsement"] = new JsonArray(Endorsement(credential["credentialSubject"]!["achievement"]!["id"]!.GetValue<string>()));

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal(2, report.Endorsements!.Count);
        Assert.Equal(VerificationOutcome.Valid, report.Endorsements[0].Outcome);
        ReportAssert.Has(report.Endorsements[0], Ob3CheckIds.JwtSignature, CheckOutcome.Passed);
        // The embedded object carries no proof at all: its own report is invalid, and the badge only warns (not inherited).
        Assert.Equal(VerificationOutcome.Invalid, report.Endorsements[1].Outcome);
        ReportAssert.Has(report, Ob3CheckIds.Endorsement, CheckOutcome.Warning);
    }

    [Fact]
    public async Task VerifyAsync_EmbeddedProofWithoutVerifier_IsIndeterminate()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var credential = Ob3Fixtures.Credential();
        credential["proof"] = new JsonObject { ["type"] = "DataIntegrityProof", ["cryptosuite"] = "eddsa-rdfc-2022", ["proofValue"] = "z111" };

        var report = await f.VerifyAsync(credential.ToJsonString(), services: s => s.RemoveAll<IEmbeddedProofVerifier>());

        ReportAssert.Outcome(report, VerificationOutcome.Indeterminate);
        Assert.Contains("not verified yet", ReportAssert.Has(report, Ob3CheckIds.Proof, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Equal("proof", report.Verification!.Method);
    }

    [Fact]
    public async Task VerifyAsync_EmbeddedProofWithVerifier_UsesIt()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var credential = Ob3Fixtures.Credential();
        credential["proof"] = new JsonObject { ["type"] = "DataIntegrityProof" };
        var seam = new RecordingProofVerifier();

        var report = await f.VerifyAsync(credential.ToJsonString(), services: s => s.Replace(ServiceDescriptor.Singleton<IEmbeddedProofVerifier>(seam)));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal(Ob3Fixtures.IssuerId, seam.IssuerId);
        Assert.Equal("https://issuer.example/issuers/1#key-1", report.Verification!.KeyId);
        Assert.True(report.Verification.IssuerKeyBound);
    }

    [Fact]
    public async Task VerifyAsync_NoProofAtAll_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();

        var report = await f.VerifyAsync(Ob3Fixtures.Credential().ToJsonString());

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.Proof, CheckOutcome.Failed);
    }

    private static JsonObject WithSchema(JsonObject credential)
    {
        credential["credentialSchema"] = new JsonArray(new JsonObject { ["id"] = "https://issuer.example/schema.json", ["type"] = "1EdTechJsonSchemaValidator2019" });
        return credential;
    }

    private static JsonObject Endorsement(string about)
    {
        var endorsement = Ob3Fixtures.Credential(type: "EndorsementCredential");
        endorsement["id"] = "https://issuer.example/endorsements/1";
        endorsement["credentialSubject"] = new JsonObject
        {
            ["id"] = about,
            ["type"] = new JsonArray("EndorsementSubject"),
            ["endorsementComment"] = "A fine badge.",
        };
        return endorsement;
    }

    private sealed class RecordingProofVerifier : IEmbeddedProofVerifier
    {
        public string? IssuerId { get; private set; }

        public Task<EmbeddedProofOutcome> VerifyAsync(JsonElement credential, string? issuerId, VerificationContext context, CancellationToken cancellationToken)
        {
            IssuerId = issuerId;
            context.Checks.Pass("di.proof", "fake proof accepted");
            return Task.FromResult(new EmbeddedProofOutcome(true, issuerId + "#key-1", "eddsa-rdfc-2022", true));
        }
    }
}
