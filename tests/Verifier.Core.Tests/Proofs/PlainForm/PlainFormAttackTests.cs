using Verifier.Fuzz.Equivalence;
using static Verifier.Core.Tests.Proofs.PlainForm.RewriteAssert;

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
        // The attack without the audit: the list can no longer name the credential. docs/security.md rule 4 already
        // keeps that from reading as "not revoked" (indeterminate); the audit refuses the rewrite outright.
        Assert.True(ReportAssert.Has(unaudited, Ob3CheckIds.Status, CheckOutcome.Failed).Indeterminate);
        Assert.NotEqual(VerificationOutcome.Valid, unaudited.Outcome);
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
}
