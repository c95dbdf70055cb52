using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Verifier.LinkedData.Tests.Conformance;

/// <summary>
/// The plain-form audit over every credential in ../shared that carries an RDFC-based proof (eddsa-rdfc-2022 and its
/// old name eddsa-2022, ecdsa-rdfc-2019, Ed25519Signature2020): the documents the suites expand — the credential
/// without its proof (with the proofs a chained proof names) and each proof configuration — must be in plain form,
/// or the engine would refuse a genuine credential. Documents the safe-mode processor refuses anyway are counted apart.
/// </summary>
[Trait("Category", "Conformance")]
public class PlainFormRealWorldTests(ITestOutputHelper output)
{
    private static readonly string[] Folders = ["conformance/ob3", "realworld/files", "vectors/ob3-spec", "vectors/vc-di-eddsa"];

    private static readonly string[] RdfcSuites = ["eddsa-rdfc-2022", "eddsa-2022", "ecdsa-rdfc-2019"];

    [SkippableFact]
    public async Task Audit_SignedCredentialsInShared_NoViolations()
    {
        var shared = SharedFolder.Require("contexts");
        var processor = new JsonLdProcessor(new PinnedContextLoader(FolderContextLoader.Open(shared), PinnedContexts.Default));
        var (credentials, documents, refused) = (0, 0, 0);
        var violations = new List<string>();
        foreach (var file in Folders.Select(f => Path.Combine(SharedFolder.Path!, f)).Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d, "*.json*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            if (Signed(file) is not { } credential)
            {
                continue;
            }

            credentials++;
            foreach (var (what, document) in Documents(credential))
            {
                documents++;
                var audit = new PlainFormAudit();
                try
                {
                    using var doc = JsonDocument.Parse(document.ToJsonString());
                    await processor.ToRdfAsync(doc.RootElement, new JsonLdOptions { SafeMode = true, Audit = audit });
                }
                catch (JsonLdException e)
                {
                    refused++;
                    output.WriteLine($"refused by the processor (not audited): {Relative(file)} {what}: {e.Code}");
                    continue;
                }

                violations.AddRange(audit.Violations.Select(v => $"{Relative(file)} {what}: {v}"));
            }
        }

        output.WriteLine($"{credentials} credentials with RDFC proofs, {documents} documents audited, {refused} refused by the processor, {violations.Count} violations");
        violations.ForEach(output.WriteLine);
        Assert.True(credentials >= 100, $"only {credentials} signed credentials found");
        Assert.Empty(violations);
    }

    [SkippableFact]
    public async Task Audit_DccTopLevelInlineTermForNewIri_NoViolation()
    {
        // The fixture's own context adds {"issuanceDate": ".../credentials/v1#issuanceDate"}: new vocabulary, not an alias.
        var file = SharedFolder.Require("conformance/ob3/dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/twoOIDF-revoked-notExpired-badSchema.json");
        var credential = Signed(file)!;

        var audit = await AuditAsync(Documents(credential).First().Document);

        Assert.True(audit.IsPlain, string.Join("\n", audit.Violations));
    }

    [SkippableFact]
    public async Task Audit_ClrMemberContextWithInlineAlias_NestedContext()
    {
        // An embedded credential keeps its own list of published contexts; an inline definition there is refused.
        var credential = Signed(SharedFolder.Require("vectors/ob3-spec/clrv2p0-eddsa-rdfc-2022-signed.json"))!;
        var document = Documents(credential).First().Document;
        var member = document["credentialSubject"]!["verifiableCredential"]![0]!.AsObject();
        member["@context"]!.AsArray().Add(new JsonObject { ["expiry"] = "https://www.w3.org/2018/credentials#validUntil" });

        var audit = await AuditAsync(document);

        var v = Assert.Single(audit.Violations);
        Assert.Equal(PlainFormViolationKind.NestedContext, v.Kind);
        Assert.Equal("$.credentialSubject.verifiableCredential[0].@context", v.Path);
    }

    private static async Task<PlainFormAudit> AuditAsync(JsonObject document)
    {
        var processor = new JsonLdProcessor(new PinnedContextLoader(FolderContextLoader.Open(SharedFolder.Require("contexts")), PinnedContexts.Default));
        var audit = new PlainFormAudit();
        using var doc = JsonDocument.Parse(document.ToJsonString());
        await processor.ToRdfAsync(doc.RootElement, new JsonLdOptions { SafeMode = true, Audit = audit });
        return audit;
    }

    /// <summary>A JSON object with at least one RDFC-based proof, else null.</summary>
    private static JsonObject? Signed(string file)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(file));
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            return null;
        }

        return node is JsonObject o && Proofs(o).Any(IsRdfc) ? o : null;
    }

    private static bool IsRdfc(JsonObject proof) =>
        proof["type"]?.GetValueKind() == JsonValueKind.String && proof["type"]!.GetValue<string>() is var type
        && (type == "Ed25519Signature2020" || (type == "DataIntegrityProof" && proof["cryptosuite"]?.GetValueKind() == JsonValueKind.String && RdfcSuites.Contains(proof["cryptosuite"]!.GetValue<string>())));

    private static IEnumerable<JsonObject> Proofs(JsonObject credential) => credential["proof"] switch
    {
        JsonObject one => [one],
        JsonArray set => set.OfType<JsonObject>(),
        _ => [],
    };

    /// <summary>What the RDFC suites expand for each proof: the unsecured document and the proof configuration.</summary>
    private static IEnumerable<(string What, JsonObject Document)> Documents(JsonObject credential)
    {
        var index = 0;
        foreach (var proof in Proofs(credential).ToList())
        {
            var at = index++;
            if (!IsRdfc(proof))
            {
                continue;
            }

            var unsecured = credential.DeepClone().AsObject();
            unsecured.Remove("proof");
            if (proof["previousProof"] is { } previous)
            {
                var named = previous is JsonArray many ? many.Select(p => p?.ToString()).ToList() : [previous.ToString()];
                unsecured["proof"] = new JsonArray([.. Proofs(credential).Where(p => named.Contains(p["id"]?.ToString())).Select(p => p.DeepClone())]);
            }

            var config = proof.DeepClone().AsObject();
            config.Remove("proofValue");
            config.Remove("@context");
            if (credential["@context"] is { } context)
            {
                config["@context"] = context.DeepClone();
            }

            yield return ($"document (proof[{at}])", unsecured);
            yield return ($"proof[{at}] configuration", config);
        }
    }

    private static string Relative(string file) => Path.GetRelativePath(SharedFolder.Path!, file);
}
