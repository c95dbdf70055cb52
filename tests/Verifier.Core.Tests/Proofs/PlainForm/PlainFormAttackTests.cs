using System.Text.Json;
using System.Text.Json.Nodes;
using Verifier.Core.OpenBadges3;
using Verifier.Core.Proofs;
using Verifier.Core.Reporting;
using Verifier.Core.Tests.OpenBadges3;
using Verifier.Fuzz.Equivalence;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Core.Tests.Proofs.PlainForm;

/// <summary>
/// Rule 5, "checks read what the proof signs", against real rewrites: each test signs a genuine credential, rewrites
/// it in a JSON-LD-equivalent way, shows the rewrite is invisible to the proof (same canonical N-Quads, and the
/// proof passes when the engine does not audit), shows what the rewrite would get past, and that the engine refuses
/// it (proof.canonicalForm, or a fail-closed reader) while the genuine twin keeps its verdict.
/// </summary>
public sealed class PlainFormAttackTests
{
    private const string Cred = TermTable.Cred;
    private const string XsdDateTime = TermTable.DateTime;

    [SkippableTheory]
    [InlineData("eddsa-rdfc-2022")]
    [InlineData("ecdsa-rdfc-2019")]
    [InlineData("Ed25519Signature2020")]
    public async Task VerifyAsync_RevokedCredentialStatusAsFullIri_NotValid(string suite)
    {
        await using var f = await RewriteFixture.StartAsync(ecdsa: suite == "ecdsa-rdfc-2019");
        await f.HostStatusListAsync([7]);
        var genuine = await f.SignAsync(f.Credential(status: RewriteFixture.BitstringEntry(7)), suite);
        var rewritten = Rename(genuine, "credentialStatus", Cred + "credentialStatus");

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var original = await f.VerifyAsync(genuine);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        Revoked(original);
        ProofPasses(unaudited);
        ReportAssert.Outcome(unaudited, VerificationOutcome.Valid); // the attack: the revocation is never looked at
        NotCanonical(report, "credentialStatus");
    }

    [SkippableFact]
    public async Task VerifyAsync_ExpiredValidUntilAsArray_NotValid()
    {
        // Arrays are not a plain-form violation (issuers write "identifier": [{…}]): the date reader fails closed.
        await using var f = await RewriteFixture.StartAsync();
        var genuine = await f.SignAsync(f.Credential(validUntil: "2026-02-01T00:00:00Z"));
        var rewritten = genuine.DeepClone().AsObject();
        rewritten["validUntil"] = new JsonArray("2026-02-01T00:00:00Z");

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var original = await f.VerifyAsync(genuine);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        Expired(original);
        ProofPasses(unaudited);
        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.ValidUntil, CheckOutcome.Failed);
        ReportAssert.Has(report, Ob3CheckIds.Structure, CheckOutcome.Failed);
        Assert.DoesNotContain(report.Checks, c => c.Id == Ob3CheckIds.ValidUntil && c.Outcome == CheckOutcome.Passed);
    }

    [SkippableFact]
    public async Task VerifyAsync_ExpiredValidUntilAsValueObject_NotValid()
    {
        await using var f = await RewriteFixture.StartAsync();
        var genuine = await f.SignAsync(f.Credential(validUntil: "2026-02-01T00:00:00Z"));
        var rewritten = genuine.DeepClone().AsObject();
        rewritten["validUntil"] = new JsonObject { ["@value"] = "2026-02-01T00:00:00Z", ["@type"] = XsdDateTime };

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        Expired(await f.VerifyAsync(genuine));
        ProofPasses(unaudited);
        ReportAssert.Has(unaudited, Ob3CheckIds.ValidUntil, CheckOutcome.Failed); // fail closed even without the audit
        NotCanonical(report, "validUntil");
    }

    [SkippableFact]
    public async Task VerifyAsync_ExpiredValidUntilAsIriKey_NotValid()
    {
        await using var f = await RewriteFixture.StartAsync();
        var genuine = await f.SignAsync(f.Credential(validUntil: "2026-02-01T00:00:00Z"));
        var rewritten = Rename(genuine, "validUntil", Cred + "validUntil", v => new JsonObject { ["@value"] = v!.GetValue<string>(), ["@type"] = XsdDateTime });

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        Expired(await f.VerifyAsync(genuine));
        ReportAssert.Outcome(unaudited, VerificationOutcome.Valid); // the attack: no expiry where the JSON reader looks
        Assert.Null(unaudited.Badge!.Expires);
        NotCanonical(report, "validUntil");
    }

    [SkippableFact]
    public async Task VerifyAsync_RevocationListWithAtIdForId_NotValid()
    {
        await using var f = await RewriteFixture.StartAsync();
        f.HostRevocationList(Ob3Fixtures.CredentialId);
        var credential = f.Credential(status: RewriteFixture.RevocationListEntry());
        credential["@context"]!.AsArray().Add("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"); // defines 1EdTechRevocationList
        var genuine = await f.SignAsync(credential);
        var rewritten = Rename(genuine, "id", "@id");

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var original = await f.VerifyAsync(genuine);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        Revoked(original);
        ProofPasses(unaudited);
        ReportAssert.Has(unaudited, Ob3CheckIds.Status, CheckOutcome.Passed); // the attack: the list no longer matches
        NotCanonical(report, "@id");
    }

    [SkippableFact]
    public async Task VerifyAsync_RevokedStatusEntryTypeAsIri_NotValid()
    {
        await using var f = await RewriteFixture.StartAsync();
        await f.HostStatusListAsync([7]);
        var genuine = await f.SignAsync(f.Credential(status: RewriteFixture.BitstringEntry(7)));
        var rewritten = genuine.DeepClone().AsObject();

        // Without its type term the entry loses the type-scoped context, so its members are written as IRIs too.
        rewritten["credentialStatus"] = new JsonObject
        {
            ["id"] = $"{RewriteFixture.ListUrl}#7",
            ["type"] = TermTable.Status + "BitstringStatusListEntry",
            [TermTable.Status + "statusPurpose"] = "revocation",
            [TermTable.Status + "statusListIndex"] = "7",
            [TermTable.Status + "statusListCredential"] = new JsonObject { ["id"] = RewriteFixture.ListUrl },
        };

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        Revoked(await f.VerifyAsync(genuine));
        ReportAssert.Outcome(unaudited, VerificationOutcome.Valid); // "type not supported" is only a warning
        ReportAssert.Has(unaudited, Ob3CheckIds.Status, CheckOutcome.Warning);
        NotCanonical(report, "credentialStatus.type");
    }

    [SkippableFact]
    public async Task VerifyAsync_RevokedCredentialStatusInsideNest_NotValid()
    {
        await using var f = await RewriteFixture.StartAsync();
        await f.HostStatusListAsync([7]);
        var genuine = await f.SignAsync(f.Credential(status: RewriteFixture.BitstringEntry(7)));
        var rewritten = genuine.DeepClone().AsObject();
        rewritten.Remove("credentialStatus");
        rewritten["@nest"] = new JsonObject { ["credentialStatus"] = genuine["credentialStatus"]!.DeepClone() };

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        Revoked(await f.VerifyAsync(genuine));
        ReportAssert.Outcome(unaudited, VerificationOutcome.Valid);
        NotCanonical(report, "@nest");
    }

    [SkippableTheory]
    [InlineData("@set", true)]
    [InlineData("@included", true)]
    [InlineData("@reverse", true)]
    [InlineData("nested @context", true)]
    [InlineData("@graph", false)]
    public async Task VerifyAsync_RevokedStatusMovedByStructuralKeyword_NotValid(string rewrite, bool fooledWithoutAudit)
    {
        await using var f = await RewriteFixture.StartAsync();
        await f.HostStatusListAsync([7]);
        var genuine = await f.SignAsync(f.Credential(status: RewriteFixture.BitstringEntry(7)));
        var rewritten = Structural(genuine, rewrite);

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        Revoked(await f.VerifyAsync(genuine));
        ProofPasses(unaudited);
        Assert.DoesNotContain(unaudited.Checks, c => c.Id == Ob3CheckIds.Status && c.Outcome == CheckOutcome.Failed); // revocation missed
        Assert.Equal(fooledWithoutAudit, unaudited.Outcome == VerificationOutcome.Valid); // @graph hides the whole credential instead
        NotCanonical(report, rewrite == "nested @context" ? "@context" : rewrite);
    }

    [SkippableFact]
    public async Task VerifyAsync_ExpiredValidUntilUnderInlineAlias_NotValid()
    {
        await using var f = await RewriteFixture.StartAsync();
        var genuine = await f.SignAsync(f.Credential(validUntil: "2026-02-01T00:00:00Z"));
        var rewritten = Rename(genuine, "validUntil", "expiry");
        rewritten["@context"]!.AsArray().Add(new JsonObject { ["expiry"] = new JsonObject { ["@id"] = Cred + "validUntil", ["@type"] = XsdDateTime } });

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        Expired(await f.VerifyAsync(genuine));
        ReportAssert.Outcome(unaudited, VerificationOutcome.Valid);
        NotCanonical(report, "expiry");
    }

    [SkippableFact]
    public async Task VerifyAsync_BlankNodeIdAdded_NotValid()
    {
        // RDFC relabels blank nodes, so "_:…" is not signed; the report would show it as the criteria's id.
        await using var f = await RewriteFixture.StartAsync();
        var genuine = await f.SignAsync(f.Credential());
        var rewritten = genuine.DeepClone().AsObject();
        rewritten["credentialSubject"]!["achievement"]!["criteria"]!["id"] = "_:b0";

        await f.AssertSameSignedGraphAsync(genuine, rewritten);
        var original = await f.VerifyAsync(genuine);
        var unaudited = await f.VerifyAsync(rewritten, audit: false);
        var report = await f.VerifyAsync(rewritten);

        ReportAssert.Outcome(original, VerificationOutcome.Valid);
        Assert.Equal("Nominated by peers.", original.Badge!.Criteria);
        ReportAssert.Outcome(unaudited, VerificationOutcome.Valid);
        Assert.Equal("_:b0", unaudited.Badge!.Criteria);
        NotCanonical(report, "criteria.id");
    }

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
        var endorsement = await f.SignAsync(f.Endorsement(validUntil: "2026-02-01T00:00:00Z"));
        var credential = f.Credential();
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

    /// <summary>The credential's status entry moved where a reader of "credentialStatus" does not look; same graph.</summary>
    private static JsonObject Structural(JsonObject genuine, string rewrite)
    {
        var rewritten = genuine.DeepClone().AsObject();
        var entry = genuine["credentialStatus"]!.DeepClone().AsObject();
        switch (rewrite)
        {
            case "@set":
                rewritten["credentialStatus"] = new JsonObject { ["@set"] = new JsonArray(entry) };
                break;
            case "@included":
                rewritten["credentialStatus"] = new JsonObject { ["id"] = entry["id"]!.DeepClone() };
                rewritten["@included"] = new JsonArray(entry);
                break;
            case "@reverse":
                // The entry names the credential as the subject of its credentialStatus triple.
                rewritten.Remove("credentialStatus");
                entry["@reverse"] = new JsonObject { [Cred + "credentialStatus"] = new JsonObject { ["id"] = Ob3Fixtures.CredentialId } };
                rewritten["@included"] = new JsonArray(entry);
                break;
            case "nested @context":
                // An alias of @type defined inside the entry: a reader of "type" finds no type.
                var aliased = Rename(entry, "type", "kind");
                aliased["@context"] = new JsonObject { ["kind"] = "@type" };
                rewritten["credentialStatus"] = aliased;
                break;
            case "@graph":
                var inner = new JsonObject();
                foreach (var (key, value) in genuine)
                {
                    if (key is not ("@context" or "proof"))
                    {
                        inner[key] = value?.DeepClone();
                        rewritten.Remove(key);
                    }
                }

                rewritten["@graph"] = new JsonArray(inner);
                break;
        }

        return rewritten;
    }

    private static JsonObject Rename(JsonObject source, string from, string to, Func<JsonNode?, JsonNode?>? convert = null)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in source)
        {
            copy[key == from ? to : key] = key == from && convert is not null ? convert(value?.DeepClone()) : value?.DeepClone();
        }

        return copy;
    }

    private static void ProofPasses(VerificationReport report) => ReportAssert.Has(report, ProofCheckIds.DataIntegrity, CheckOutcome.Passed);

    private static void Revoked(VerificationReport report)
    {
        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("revoked", ReportAssert.Has(report, Ob3CheckIds.Status, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    private static void Expired(VerificationReport report)
    {
        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("expired", ReportAssert.Has(report, Ob3CheckIds.ValidUntil, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    /// <summary>Refused for its form: never valid, the proof reported failed, and proof.canonicalForm names the place.</summary>
    private static void NotCanonical(VerificationReport report, string pathPart)
    {
        Assert.NotEqual(VerificationOutcome.Valid, report.Outcome);
        ReportAssert.Has(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
        var check = ReportAssert.Has(report, ProofCheckIds.CanonicalForm, CheckOutcome.Failed);
        Assert.Contains(pathPart, check.Message, StringComparison.Ordinal);
        Assert.Contains("plain compacted form", check.Message, StringComparison.Ordinal);
    }
}
