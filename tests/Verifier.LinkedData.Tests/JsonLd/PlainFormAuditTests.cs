namespace Verifier.LinkedData.Tests.JsonLd;

/// <summary>
/// The plain-compacted-form audit (<see cref="JsonLdOptions.Audit"/>) with the test's own contexts, shaped like the
/// credentials ones: protected aliases, a type-scoped credential context, a status entry type, a @vocab-typed term.
/// Each rewrite below is JSON-LD-equivalent to the plain document, so the audit is what tells them apart.
/// </summary>
public class PlainFormAuditTests
{
    private const string Ctx = "https://audit.test/v1";
    private const string Loose = "https://audit.test/loose";

    private const string Context = """
        {"@context": {
          "@protected": true,
          "@vocab": "https://audit.test/vocab#",
          "id": "@id",
          "type": "@type",
          "ex": "https://audit.test/vocab#",
          "xsd": "http://www.w3.org/2001/XMLSchema#",
          "Credential": {"@id": "https://audit.test/vocab#Credential", "@context": {"@protected": true,
            "validUntil": {"@id": "https://audit.test/vocab#validUntil", "@type": "xsd:dateTime"},
            "credentialStatus": {"@id": "https://audit.test/vocab#credentialStatus", "@type": "@id"},
            "issuer": {"@id": "https://audit.test/vocab#issuer", "@type": "@id"},
            "subject": {"@id": "https://audit.test/vocab#subject", "@type": "@id"}}},
          "StatusEntry": {"@id": "https://audit.test/vocab#StatusEntry", "@context": {"@protected": true,
            "statusPurpose": "https://audit.test/vocab#statusPurpose"}},
          "name": "https://audit.test/vocab#name",
          "title": "https://audit.test/vocab#heading",
          "purpose": {"@id": "https://audit.test/vocab#purpose", "@type": "@vocab"},
          "assertion": "https://audit.test/vocab#assertion",
          "tags": {"@id": "https://audit.test/vocab#tags", "@container": "@set"}
        }}
        """;

    // A published context without @protected (as the OB 3.0.1 context is): its terms could be swapped inline.
    private const string LooseContext = """{"@context": {"label": "https://audit.test/vocab#label", "note": "https://audit.test/vocab#note"}}""";

    private const string Plain = """
        {
          "@context": ["https://audit.test/v1"],
          "id": "https://audit.test/credentials/1",
          "type": ["Credential"],
          "name": {"@value": "Teamwork", "@language": "en"},
          "title": ["One", "Two"],
          "issuer": "did:example:issuer",
          "validUntil": "2020-01-01T00:00:00Z",
          "purpose": "assertion",
          "tags": ["a", "b"],
          "credentialStatus": [{"id": "https://audit.test/status/1#3", "type": "StatusEntry", "statusPurpose": "revocation"}],
          "subject": {"id": "did:example:learner", "name": "Sam"}
        }
        """;

    [Fact]
    public async Task Audit_PlainDocument_NoViolations()
    {
        var audit = await AuditAsync(Plain);

        Assert.True(audit.IsPlain, string.Join("\n", audit.Violations));
    }

    [Theory]
    [InlineData("credentialStatus", "https://audit.test/vocab#credentialStatus", "$['https://audit.test/vocab#credentialStatus']")]
    [InlineData("credentialStatus", "ex:credentialStatus", "$['ex:credentialStatus']")]
    [InlineData("title", "heading", "$.heading")]
    public async Task Audit_KeyWrittenAsIriOfATerm_IriKey(string term, string written, string path)
    {
        var audit = await AuditAsync(Plain.Replace($"\"{term}\":", $"\"{written}\":", StringComparison.Ordinal));

        var v = Assert.Single(audit.Violations);
        Assert.Equal(PlainFormViolationKind.IriKey, v.Kind);
        Assert.Equal(path, v.Path);
        Assert.Contains($"'{term}'", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_IriKeyWithoutTerm_NoViolation()
    {
        // No term names this IRI: the IRI is the only way to write it, so it is the plain form.
        var audit = await AuditAsync(Plain.Replace("\"name\":", "\"https://other.test/p\": \"x\", \"name\":", StringComparison.Ordinal));

        Assert.True(audit.IsPlain, string.Join("\n", audit.Violations));
    }

    // A keyword where an alias exists, a value object, a blank-node identifier: each rewrite of the plain document is
    // the one violation, of its kind, at its path (one theory: the three tests differed only in the kind).
    [Theory]
    [InlineData("\"id\": \"https://audit.test/credentials/1\"", "\"@id\": \"https://audit.test/credentials/1\"", PlainFormViolationKind.Keyword, "$.@id")]
    [InlineData("\"type\": [\"Credential\"]", "\"@type\": [\"Credential\"]", PlainFormViolationKind.Keyword, "$.@type")]
    [InlineData("\"id\": \"did:example:learner\"", "\"@id\": \"did:example:learner\"", PlainFormViolationKind.Keyword, "$.subject.@id")]
    [InlineData("\"2020-01-01T00:00:00Z\"", "{\"@value\": \"2020-01-01T00:00:00Z\", \"@type\": \"http://www.w3.org/2001/XMLSchema#dateTime\"}", PlainFormViolationKind.ValueObject, "$.validUntil")]
    [InlineData("\"Sam\"", "{\"@value\": \"Sam\"}", PlainFormViolationKind.ValueObject, "$.subject.name")]
    [InlineData("\"subject\": {\"id\": \"did:example:learner\",", "\"subject\": {\"id\": \"_:b0\",", PlainFormViolationKind.BlankNodeId, "$.subject.id")]
    [InlineData("\"issuer\": \"did:example:issuer\"", "\"issuer\": \"_:b7\"", PlainFormViolationKind.BlankNodeId, "$.issuer")]
    public async Task Audit_RewrittenMember_IsTheOneViolationOfItsKind(string plain, string rewritten, PlainFormViolationKind kind, string path)
    {
        var audit = await AuditAsync(Plain.Replace(plain, rewritten, StringComparison.Ordinal));

        var v = Assert.Single(audit.Violations);
        Assert.Equal(kind, v.Kind);
        Assert.Equal(path, v.Path);
    }

    [Fact]
    public async Task Audit_KeywordWithoutAlias_NoViolation()
    {
        var loader = new InMemoryContextLoader().Add(Loose, LooseContext);

        var audit = await AuditAsync("""{"@context": "https://audit.test/loose", "@id": "https://a.test/1", "@type": "https://a.test/T", "label": "x"}""", loader);

        Assert.True(audit.IsPlain, string.Join("\n", audit.Violations));
    }

    [Fact]
    public async Task Audit_ArrayForSingleValue_NoViolation()
    {
        // Arrays are left to the JSON readers, which must refuse a non-string where they expect one (fail closed).
        var audit = await AuditAsync(Plain.Replace("\"2020-01-01T00:00:00Z\"", "[\"2020-01-01T00:00:00Z\"]", StringComparison.Ordinal));

        Assert.True(audit.IsPlain, string.Join("\n", audit.Violations));
    }

    [Theory]
    [InlineData("{\"@set\": [\"a\", \"b\"]}")]
    [InlineData("{\"@list\": [\"a\", \"b\"]}")]
    public async Task Audit_SetOrListObject_SetOrList(string rewritten)
    {
        var audit = await AuditAsync(Plain.Replace("[\"a\", \"b\"]", rewritten, StringComparison.Ordinal));

        var v = Assert.Single(audit.Violations);
        Assert.Equal(PlainFormViolationKind.SetOrList, v.Kind);
        Assert.Equal("$.tags", v.Path);
    }

    [Theory]
    [InlineData("\"@nest\": {\"validUntil\": \"2020-01-01T00:00:00Z\"}", "$.@nest")]
    [InlineData("\"@included\": [{\"id\": \"https://audit.test/x\", \"name\": \"x\"}]", "$.@included")]
    [InlineData("\"@reverse\": {\"https://audit.test/vocab#holds\": {\"id\": \"did:example:holder\"}}", "$.@reverse")]
    [InlineData("\"@index\": \"i\"", "$.@index")]
    public async Task Audit_StructuralKeyword_Keyword(string member, string path)
    {
        var json = member.Contains("validUntil", StringComparison.Ordinal)
            ? Plain.Replace("\"validUntil\": \"2020-01-01T00:00:00Z\",", member + ",", StringComparison.Ordinal)
            : Plain.Replace("\"purpose\":", member + ", \"purpose\":", StringComparison.Ordinal);

        var audit = await AuditAsync(json);

        var v = Assert.Single(audit.Violations);
        Assert.Equal(PlainFormViolationKind.Keyword, v.Kind);
        Assert.Equal(path, v.Path);
    }

    [Fact]
    public async Task Audit_TopLevelGraph_Keyword()
    {
        var body = Plain.Replace("\"@context\": [\"https://audit.test/v1\"],", string.Empty, StringComparison.Ordinal);

        var audit = await AuditAsync($$"""{"@context": ["https://audit.test/v1"], "@graph": [{{body}}]}""");

        var v = Assert.Single(audit.Violations);
        Assert.Equal(PlainFormViolationKind.Keyword, v.Kind);
        Assert.Equal("$.@graph", v.Path);
    }

    [Fact]
    public async Task Audit_InlineAliasOfExistingIri_AliasTerm()
    {
        var audit = await AuditAsync(WithInlineContext(
            "{\"expiry\": {\"@id\": \"https://audit.test/vocab#validUntil\", \"@type\": \"http://www.w3.org/2001/XMLSchema#dateTime\"}}",
            "\"validUntil\":", "\"expiry\":"));

        var v = Assert.Single(audit.Violations);
        Assert.Equal(PlainFormViolationKind.AliasTerm, v.Kind);
        Assert.Equal("$.expiry", v.Path);
        Assert.Contains("'validUntil'", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_InlineTermForNewIri_NoViolation()
    {
        // As a DCC fixture does: an inline term for an IRI no other term names is just vocabulary.
        var audit = await AuditAsync(WithInlineContext(
            "{\"issued\": \"https://other.test/v1#issued\"}",
            "\"purpose\":", "\"issued\": \"2010-01-01T00:00:00Z\", \"purpose\":"));

        Assert.True(audit.IsPlain, string.Join("\n", audit.Violations));
    }

    [Fact]
    public async Task Audit_InlineSwapOfUnprotectedTerms_RedefinedTerm()
    {
        var loader = new InMemoryContextLoader().Add(Loose, LooseContext);
        const string Swapped = """
            {"@context": ["https://audit.test/loose", {"label": "https://audit.test/vocab#note", "note": "https://audit.test/vocab#label"}],
             "@id": "https://a.test/1", "label": "what the note said", "note": "what the label said"}
            """;

        var audit = await AuditAsync(Swapped, loader);

        Assert.Equal(2, audit.Total);
        Assert.All(audit.Violations, v => Assert.Equal(PlainFormViolationKind.RedefinedTerm, v.Kind));
        Assert.All(audit.Violations, v => Assert.Equal("$.@context", v.Path));
    }

    [Fact]
    public async Task Audit_NestedContext_NestedContext()
    {
        var json = Plain.Replace("\"subject\": {", "\"subject\": {\"@context\": {\"nick\": \"https://audit.test/vocab#nick\"}, \"nick\": \"S\",", StringComparison.Ordinal);

        var audit = await AuditAsync(json);

        var v = Assert.Single(audit.Violations);
        Assert.Equal(PlainFormViolationKind.NestedContext, v.Kind);
        Assert.Equal("$.subject.@context", v.Path);
    }

    [Fact]
    public async Task Audit_NestedContextAliasingATerm_BothReported()
    {
        var json = Plain.Replace("\"subject\": {\"id\": \"did:example:learner\", \"name\": \"Sam\"}", "\"subject\": {\"@context\": {\"nick\": \"https://audit.test/vocab#name\"}, \"id\": \"did:example:learner\", \"nick\": \"Sam\"}", StringComparison.Ordinal);

        var audit = await AuditAsync(json);

        Assert.Equal([PlainFormViolationKind.NestedContext, PlainFormViolationKind.AliasTerm], audit.Violations.Select(v => v.Kind));
        Assert.Equal("$.subject.nick", audit.Violations[1].Path);
    }

    [Theory]
    [InlineData("\"type\": \"StatusEntry\"", "\"type\": \"https://audit.test/vocab#StatusEntry\"", "$.credentialStatus[0].type")]
    [InlineData("\"type\": [\"Credential\"]", "\"type\": [\"ex:Credential\"]", "$.type")]
    [InlineData("\"purpose\": \"assertion\"", "\"purpose\": \"https://audit.test/vocab#assertion\"", "$.purpose")]
    public async Task Audit_TypeWrittenAsIri_TypeIri(string plain, string rewritten, string path)
    {
        var audit = await AuditAsync(Plain.Replace(plain, rewritten, StringComparison.Ordinal));

        var typeIri = Assert.Single(audit.Violations, v => v.Kind == PlainFormViolationKind.TypeIri);
        Assert.Equal(path, typeIri.Path);
    }

    [Fact]
    public async Task Audit_DuplicateMember_DuplicateMember()
    {
        var audit = await AuditAsync(Plain.Replace("\"validUntil\":", "\"validUntil\": \"2099-01-01T00:00:00Z\", \"validUntil\":", StringComparison.Ordinal));

        var v = Assert.Single(audit.Violations, v => v.Kind == PlainFormViolationKind.DuplicateMember);
        Assert.Equal("$.validUntil", v.Path);
    }

    [Fact]
    public async Task Audit_ManyViolations_KeepsBoundedCountsAll()
    {
        var subjects = string.Join(",", Enumerable.Range(0, 50).Select(i => $"{{\"@id\": \"https://a.test/s{i}\"}}"));

        var audit = await AuditAsync($$"""{"@context": "https://audit.test/v1", "id": "https://a.test/1", "type": "Credential", "subject": [{{subjects}}]}""");

        Assert.Equal(50, audit.Total);
        Assert.Equal(PlainFormAudit.MaxKept, audit.Violations.Count);
    }

    [Fact]
    public async Task Audit_ColdProcessorRestartsToLoadContext_ReportsOnce()
    {
        // The first attempt stops at the unloaded context and starts over: only the finished attempt is reported.
        var audit = new PlainFormAudit();
        using var doc = JsonDocument.Parse(Plain.Replace("\"id\": \"https://audit.test/credentials/1\"", "\"@id\": \"https://audit.test/credentials/1\"", StringComparison.Ordinal));

        await new JsonLdProcessor(Loader()).ToRdfAsync(doc.RootElement, new JsonLdOptions { SafeMode = true, Audit = audit });

        Assert.Equal(1, audit.Total);
    }

    [Fact]
    public async Task Audit_On_SameRdfAsOff()
    {
        var rewritten = Plain.Replace("\"id\": \"https://audit.test/credentials/1\"", "\"@id\": \"https://audit.test/credentials/1\"", StringComparison.Ordinal)
            .Replace("\"2020-01-01T00:00:00Z\"", "{\"@value\": \"2020-01-01T00:00:00Z\", \"@type\": \"http://www.w3.org/2001/XMLSchema#dateTime\"}", StringComparison.Ordinal);
        var processor = new JsonLdProcessor(Loader());
        using var doc = JsonDocument.Parse(rewritten);

        var off = NQuads.Write(await processor.ToRdfAsync(doc.RootElement, new JsonLdOptions { SafeMode = true }));
        var on = NQuads.Write(await processor.ToRdfAsync(doc.RootElement, new JsonLdOptions { SafeMode = true, Audit = new PlainFormAudit() }));
        using var plain = JsonDocument.Parse(Plain);
        var genuine = NQuads.Write(await processor.ToRdfAsync(plain.RootElement, new JsonLdOptions { SafeMode = true }));

        Assert.Equal(off, on);
        Assert.Equal(genuine, off); // the rewrite is JSON-LD-equivalent: same RDF, so the same signature
    }

    /// <summary>The plain document with <paramref name="entry"/> added to its context and <paramref name="member"/> rewritten.</summary>
    private static string WithInlineContext(string entry, string member, string rewritten) => Plain
        .Replace("[\"https://audit.test/v1\"]", "[\"https://audit.test/v1\", " + entry + "]", StringComparison.Ordinal)
        .Replace(member, rewritten, StringComparison.Ordinal);

    private static InMemoryContextLoader Loader() => new InMemoryContextLoader().Add(Ctx, Context).Add(Loose, LooseContext);

    private static async Task<PlainFormAudit> AuditAsync(string json, IContextLoader? loader = null)
    {
        var audit = new PlainFormAudit();
        using var doc = JsonDocument.Parse(json);
        await new JsonLdProcessor(loader ?? Loader()).ToRdfAsync(doc.RootElement, new JsonLdOptions { SafeMode = true, Audit = audit });
        return audit;
    }
}
