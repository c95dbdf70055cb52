using Verifier.Fuzz.Equivalence;
using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.JsonLd;

namespace Verifier.Core.Tests.Proofs.PlainForm;

/// <summary>
/// Genuine OB 3.0 credentials, status lists and endorsements signed here by a did:key issuer of our own, served from a
/// loopback "issuer.example", verified by the whole engine with the published contexts of ../shared/contexts (the
/// attacks depend on the real term definitions, so the tests skip without them) — with the plain-form audit, or
/// without it to show what a rewrite would get past.
/// </summary>
internal sealed class RewriteFixture : IAsyncDisposable
{
    public const string ListPath = "/status/1";
    public const string ListUrl = "https://" + Ob3Fixtures.Host + ListPath;
    public const string RevocationsUrl = "https://" + Ob3Fixtures.Host + "/revocations";

    private RewriteFixture(Ob3Fixtures site, string contexts, DidKeyIssuer issuer)
    {
        Site = site;
        Contexts = contexts;
        Issuer = issuer;
        Processor = new JsonLdProcessor(new PinnedContextLoader(FolderContextLoader.Open(contexts), PinnedContexts.Default));
    }

    public Ob3Fixtures Site { get; }

    public string Contexts { get; }

    public DidKeyIssuer Issuer { get; }

    /// <summary>The JSON-LD processor the issuer signs with (and the tests compare graphs with).</summary>
    public JsonLdProcessor Processor { get; }

    public static async Task<RewriteFixture> StartAsync(bool ecdsa = false)
    {
        var contexts = ProjectContexts.Folder;
        return new RewriteFixture(await Ob3Fixtures.StartAsync(), contexts, ecdsa ? DidKeyIssuer.P256() : DidKeyIssuer.Ed25519());
    }

    /// <summary>An OpenBadgeCredential by this issuer; the credential's @context gains the Ed25519Signature2020 context when that suite signs it.</summary>
    public JsonObject Credential(string? validUntil = "2030-01-01T00:00:00Z", JsonObject? status = null, string type = "OpenBadgeCredential")
    {
        var credential = Ob3Fixtures.Credential(Issuer.Did, validUntil: validUntil, type: type);
        if (status is not null)
        {
            credential["credentialStatus"] = status;
        }

        return credential;
    }

    public static JsonObject BitstringEntry(int index) => new()
    {
        ["id"] = $"{ListUrl}#{index}",
        ["type"] = "BitstringStatusListEntry",
        ["statusPurpose"] = "revocation",
        ["statusListIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["statusListCredential"] = ListUrl,
    };

    public static JsonObject RevocationListEntry() => new() { ["id"] = RevocationsUrl, ["type"] = "1EdTechRevocationList" };

    /// <summary>An EndorsementCredential by this issuer about the achievement of <see cref="Ob3Fixtures.Credential"/>.</summary>
    public JsonObject Endorsement(string validUntil) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ["id"] = "urn:uuid:5f0c3a9e-1d2b-4c3d-8e4f-000000000001",
        ["type"] = new JsonArray("VerifiableCredential", "EndorsementCredential"),
        ["issuer"] = new JsonObject { ["id"] = Issuer.Did, ["type"] = new JsonArray("Profile"), ["name"] = "Endorsing body" },
        ["name"] = "Endorsement of Teamwork",
        ["validFrom"] = "2026-01-01T00:00:00Z",
        ["validUntil"] = validUntil,
        ["credentialSubject"] = new JsonObject { ["id"] = "https://issuer.example/achievements/teamwork", ["type"] = new JsonArray("EndorsementSubject") },
    };

    public async Task<JsonObject> SignAsync(JsonObject document, string? cryptosuite = null)
    {
        if (cryptosuite == "Ed25519Signature2020")
        {
            document = document.DeepClone().AsObject();
            document["@context"]!.AsArray().Add("https://w3id.org/security/suites/ed25519-2020/v1");
        }

        return await Issuer.SignAsync(document, Processor, cryptosuite);
    }

    /// <summary>A signed BitstringStatusListCredential (131,072 entries, <paramref name="set"/> set), rewritten before serving when asked.</summary>
    public async Task HostStatusListAsync(int[] set, string? validUntil = null, Func<JsonObject, JsonObject>? rewrite = null)
    {
        var list = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = ListUrl,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = Issuer.Did,
            ["validFrom"] = "2026-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = ListUrl + "#list", ["type"] = "BitstringStatusList", ["statusPurpose"] = "revocation", ["encodedList"] = EquivalenceHarness.EncodedList(131072, set) },
        };
        if (validUntil is not null)
        {
            list["validUntil"] = validUntil;
        }

        var signed = await SignAsync(list);
        Site.Server.MapJson(ListPath, (rewrite?.Invoke(signed) ?? signed).ToJsonString());
    }

    /// <summary>A 1EdTech revocation list naming <paramref name="revoked"/> (unsigned JSON, as the format is).</summary>
    public void HostRevocationList(params string[] revoked) =>
        Site.Server.MapJson("/revocations", new JsonObject
        {
            ["id"] = RevocationsUrl,
            ["revokedCredentials"] = new JsonArray([.. revoked.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["revocationReason"] = "withdrawn" })]),
        }.ToJsonString());

    /// <summary>The whole engine over the text; <paramref name="audit"/> false swaps in a converter that never audits.</summary>
    public Task<VerificationReport> VerifyAsync(string text, bool audit = true) =>
        Site.VerifyAsync(text, configure: o => o.Contexts.Path = Contexts, services: audit ? null : s => s.AddSingleton<ILinkedDataConverter>(sp =>
            new UnauditedConverter(new JsonLdLinkedDataConverter(new JsonLdProcessor(sp.GetRequiredService<IContextLoader>())))));

    public Task<VerificationReport> VerifyAsync(JsonObject credential, bool audit = true) => VerifyAsync(credential.ToJsonString(), audit);

    /// <summary>
    /// The proof's math is blind to the rewrite: the unsecured document and the proof configuration canonicalize to
    /// the same N-Quads as the genuine ones, so the genuine signature verifies over the rewritten credential.
    /// </summary>
    public async Task AssertSameSignedGraphAsync(JsonObject genuine, JsonObject rewritten)
    {
        Assert.NotEqual(genuine.ToJsonString(), rewritten.ToJsonString());
        Assert.Equal(await DidKeyIssuer.CanonicalAsync(Unsecured(genuine), Processor), await DidKeyIssuer.CanonicalAsync(Unsecured(rewritten), Processor));
        Assert.Equal(await DidKeyIssuer.CanonicalAsync(ProofConfig(genuine), Processor), await DidKeyIssuer.CanonicalAsync(ProofConfig(rewritten), Processor));
    }

    public ValueTask DisposeAsync()
    {
        Issuer.Dispose();
        return Site.DisposeAsync();
    }

    private static JsonObject Unsecured(JsonObject signed)
    {
        var copy = signed.DeepClone().AsObject();
        copy.Remove("proof");
        return copy;
    }

    private static JsonObject ProofConfig(JsonObject signed)
    {
        var config = signed["proof"]!.DeepClone().AsObject();
        config.Remove("proofValue");
        config["@context"] = signed["@context"]!.DeepClone();
        return config;
    }
}
