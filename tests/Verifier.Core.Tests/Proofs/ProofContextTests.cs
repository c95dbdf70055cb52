using Verifier.Core.Tests.Attacks;

namespace Verifier.Core.Tests.Proofs;

/// <summary>
/// Ed25519Signature2020 proofs that carry the suite context on the proof rather than on the credential, as didkit
/// (ssi) issued them: the proof options are read with the credential's contexts and the proof's own
/// (ProofDocuments.ProofConfig). Signed here the way ssi signed, with the proof's contexts first — an independent
/// composition that reaches the same graph only if the verifier reads the proof's context as the signer did.
/// Uses the pinned contexts of ../shared (conformance category).
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ProofContextTests : IDisposable
{
    private const string SuiteContext = "https://w3id.org/security/suites/ed25519-2020/v1";
    private readonly TestKey _key = TestKey.Ed25519();

    public void Dispose() => _key.Dispose();

    [SkippableFact]
    public async Task Ed25519Signature2020_SuiteContextOnProof_Verifies()
    {
        var signed = await DiSign.Ed25519Signature2020Async(Credential(), _key, _key.DidKeyUrl, new JsonArray(SuiteContext));

        var report = await VerifyAsync(signed);

        Expect.Valid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Passed);
    }

    [SkippableFact]
    public async Task Ed25519Signature2020_SuiteContextOnProofNameChanged_Invalid()
    {
        var signed = await DiSign.Ed25519Signature2020Async(Credential(), _key, _key.DidKeyUrl, new JsonArray(SuiteContext));
        signed["credentialSubject"]!["achievement"]!["name"] = "Another badge";

        var report = await VerifyAsync(signed);

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    [SkippableFact]
    public async Task Ed25519Signature2020_ProofContextSwappedForAnother_Invalid()
    {
        var signed = await DiSign.Ed25519Signature2020Async(Credential(), _key, _key.DidKeyUrl, new JsonArray(SuiteContext));
        signed["proof"]!["@context"] = new JsonArray("https://w3id.org/security/data-integrity/v2");

        var report = await VerifyAsync(signed);

        Expect.Invalid(report);
    }

    [SkippableFact]
    public async Task Ed25519Signature2020_InlineProofContext_Invalid()
    {
        var signed = await DiSign.Ed25519Signature2020Async(Credential(), _key, _key.DidKeyUrl, new JsonArray(SuiteContext));
        signed["proof"]!["@context"] = new JsonArray(SuiteContext, new JsonObject { ["created"] = "urn:evil:created" });

        var report = await VerifyAsync(signed);

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    [SkippableFact]
    public async Task Ed25519Signature2020_ProofContextNotPinned_Invalid()
    {
        var signed = await DiSign.Ed25519Signature2020Async(Credential(), _key, _key.DidKeyUrl, new JsonArray(SuiteContext));
        signed["proof"]!["@context"] = new JsonArray(SuiteContext, "https://evil.example/redefines-created.jsonld");

        var report = await VerifyAsync(signed);

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    [SkippableFact]
    public async Task DataIntegrityProof_OwnContextNotAPrefix_StillRefused()
    {
        var credential = Ob3Fixtures.Credential(_key.DidKey);
        credential["credentialSubject"]!["id"] = "did:example:learner";
        var signed = await DiSign.RdfcAsync(credential, _key, _key.DidKeyUrl);
        signed["proof"]!["@context"] = new JsonArray(SuiteContext);

        var report = await VerifyAsync(signed);

        Expect.Invalid(report);
        Expect.Check(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    [SkippableFact]
    public async Task LearnCardDidkitCredential_Realworld_VerifiesAndItsCopyWithTheSameProofDoesNot()
    {
        var files = SharedFolder.Require("realworld/files");

        var genuine = await VerifyAsync(JsonNode.Parse(File.ReadAllText(Path.Combine(files, "learncard__SuperSkillsOprahCredential.json")))!.AsObject());
        var copied = await VerifyAsync(JsonNode.Parse(File.ReadAllText(Path.Combine(files, "learncard__AllFieldsCredential.json")))!.AsObject());

        Expect.Check(genuine, ProofCheckIds.DataIntegrity, CheckOutcome.Passed);
        Expect.Valid(genuine);
        Expect.Check(copied, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
    }

    /// <summary>The VCDM 1.1 form didkit issued, the issuer a did:key (bound by being the key).</summary>
    private JsonObject Credential()
    {
        var credential = Ob3Fixtures.Credential(_key.DidKey, validFrom: null);
        credential["@context"] = new JsonArray("https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        credential["issuanceDate"] = "2026-01-01T00:00:00Z";
        credential["credentialSubject"]!["id"] = "did:example:learner";
        return credential;
    }

    private static async Task<VerificationReport> VerifyAsync(JsonObject credential)
    {
        using var services = EngineFactory.Build(configure: o => o.Contexts.Path = DiSign.ContextsFolder());
        return await services.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(credential.ToJsonString()) });
    }
}
