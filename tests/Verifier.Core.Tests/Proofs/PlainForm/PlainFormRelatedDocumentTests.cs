using Verifier.Fuzz.Equivalence;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf.Canonicalization;
using static Verifier.Core.Tests.Proofs.PlainForm.RewriteAssert;

namespace Verifier.Core.Tests.Proofs.PlainForm;

/// <summary>
/// The same rule for the other documents the engine verifies with the same suites — a status list credential, an
/// endorsement alone and embedded in a genuine credential — and duplicate member names, which no proof can excuse.
/// </summary>
public sealed class PlainFormRelatedDocumentTests
{
    private const string Cred = TermTable.Cred;
    private const string XsdDateTime = TermTable.DateTime;

    [SkippableTheory]
    [InlineData("\"name\":\"Teamwork\"", "\"name\":\"Teamwork\"")]
    [InlineData("\"validFrom\":\"2026-01-01T00:00:00Z\"", "\"validFrom\":\"2025-01-01T00:00:00Z\"")]
    public async Task VerifyAsync_DuplicateMemberNames_RefusedAsParseFailure(string member, string duplicate)
    {
        await using var f = await RewriteFixture.StartAsync();
        var genuine = await f.SignAsync(f.Credential());
        var text = genuine.ToJsonString();
        Assert.Contains(member, text, StringComparison.Ordinal);
        var rewritten = text.Insert(text.IndexOf(member, StringComparison.Ordinal), duplicate + ",");

        var report = await f.VerifyAsync(rewritten);

        ReportAssert.Outcome(await f.VerifyAsync(genuine), VerificationOutcome.Valid);
        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("twice", ReportAssert.Has(report, Ob3CheckIds.Parse, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Checks, c => c.Id == "engine.unexpected");
    }

    [SkippableFact]
    public async Task ToRdf_DuplicateMemberSameValue_SameGraphButAuditFlagsIt()
    {
        // The same value twice gives the same graph, so only the parse (and the audit) can tell.
        await using var f = await RewriteFixture.StartAsync();
        var genuine = await f.SignAsync(f.Credential());
        genuine.Remove("proof");
        var plain = genuine.ToJsonString();
        var at = plain.IndexOf("\"name\":\"Teamwork\"", StringComparison.Ordinal);
        var text = plain.Insert(at, "\"name\":\"Teamwork\",");
        var audit = new PlainFormAudit();
        using var lenient = JsonDocument.Parse(text);

        var dataset = await f.Processor.ToRdfAsync(lenient.RootElement, new JsonLdOptions { SafeMode = true, Audit = audit });

        Assert.NotEqual(genuine.ToJsonString(), text);
        Assert.Equal(await DidKeyIssuer.CanonicalAsync(genuine, f.Processor), Rdfc10.Canonicalize(dataset).NQuads);
        Assert.Equal(PlainFormViolationKind.DuplicateMember, Assert.Single(audit.Violations).Kind);
    }

    [SkippableFact]
    public async Task VerifyAsync_StatusListWithExpiryAsIriKey_NotValid()
    {
        // The list expired: the status cannot be trusted. Rewritten, the list would read as current.
        await using var f = await RewriteFixture.StartAsync();
        var credential = await f.SignAsync(f.Credential(status: RewriteFixture.BitstringEntry(3)));

        await f.HostStatusListAsync([7], validUntil: "2026-03-01T00:00:00Z");
        var original = await f.VerifyAsync(credential);
        await f.HostStatusListAsync([7], validUntil: "2026-03-01T00:00:00Z", rewrite: list =>
            Rename(list, "validUntil", Cred + "validUntil", v => new JsonObject { ["@value"] = v!.GetValue<string>(), ["@type"] = XsdDateTime }));
        var unaudited = await f.VerifyAsync(credential, audit: false);
        var report = await f.VerifyAsync(credential);

        Assert.NotEqual(VerificationOutcome.Valid, original.Outcome);
        Assert.Contains(original.Checks, c => c.Id == Ob3CheckIds.StatusList && c.Message.Contains("expired", StringComparison.Ordinal));
        ReportAssert.Outcome(unaudited, VerificationOutcome.Valid); // the attack: an expired list passes as current
        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("plain compacted form", ReportAssert.Has(report, Ob3CheckIds.StatusList, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task VerifyAsync_StatusListRewriteIsSameGraph()
    {
        await using var f = await RewriteFixture.StartAsync();
        var list = await f.SignAsync(new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = RewriteFixture.ListUrl,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = f.Issuer.Did,
            ["validFrom"] = "2026-01-01T00:00:00Z",
            ["validUntil"] = "2026-03-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = RewriteFixture.ListUrl + "#list", ["type"] = "BitstringStatusList", ["statusPurpose"] = "revocation", ["encodedList"] = EquivalenceHarness.EncodedList(131072, 7) },
        });

        await f.AssertSameSignedGraphAsync(list, Rename(list, "validUntil", Cred + "validUntil", v => new JsonObject { ["@value"] = v!.GetValue<string>(), ["@type"] = XsdDateTime }));
    }

    [SkippableFact]
    public async Task VerifyAsync_ExpiredEndorsementWithExpiryAsIriKey_NotValid()
    {
        await using var f = await RewriteFixture.StartAsync();
        var genuine = await f.SignAsync(f.Endorsement(validUntil: "2026-02-01T00:00:00Z"));
        var rewritten = Rename(genuine, "validUntil", Cred + "validUntil", v => new JsonObject { ["@value"] = v!.GetValue<string>(), ["@type"] = XsdDateTime });

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        Expired(await f.VerifyAsync(genuine));
        ReportAssert.Outcome(unaudited, VerificationOutcome.Valid);
        NotCanonical(report, "validUntil");
    }

    [SkippableFact]
    public async Task VerifyAsync_EmbeddedEndorsementRewrittenInsideGenuineCredential_NotValid()
    {
        // The holder rewrites the endorsement inside a genuine credential: both proofs still hold, both audits refuse.
        await using var f = await RewriteFixture.StartAsync();
        var credential = f.Credential();
        // The endorsement is about the credential it sits on (docs/security.md rule 6).
        var about = f.Endorsement(validUntil: "2026-02-01T00:00:00Z");
        about["credentialSubject"]!["id"] = credential["id"]!.GetValue<string>();
        var endorsement = await f.SignAsync(about);
        credential["endorsement"] = new JsonArray(endorsement);
        var genuine = await f.SignAsync(credential);
        var rewritten = genuine.DeepClone().AsObject();
        rewritten["endorsement"] = new JsonArray(Rename(endorsement, "validUntil", Cred + "validUntil", v => new JsonObject { ["@value"] = v!.GetValue<string>(), ["@type"] = XsdDateTime }));

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var original = await f.VerifyAsync(genuine);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        ReportAssert.Outcome(original, VerificationOutcome.Valid); // an endorsement's failure is reported, not inherited
        Expired(Assert.Single(original.Endorsements!));
        ReportAssert.Outcome(Assert.Single(unaudited.Endorsements!), VerificationOutcome.Valid);
        NotCanonical(report, "endorsement[0]");
        NotCanonical(Assert.Single(report.Endorsements!), "validUntil");
    }
}
