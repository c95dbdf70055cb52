using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.JsonLd;

namespace Verifier.Core.Tests.Proofs;

/// <summary>
/// Proofs through the real JSON-LD processor in safe mode, with the test's own small context (no ../shared): what is
/// signed is the RDF meaning, and JSON that has no meaning under the context is refused rather than ignored.
/// </summary>
public sealed class JsonLdProofTests : IDisposable
{
    private const string ContextUrl = "https://verifier.test/contexts/badge/v1";
    private const string Issuer = "did:example:issuer";

    private const string ContextJson = """
        {
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "sec": "https://w3id.org/security#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "Badge": "https://verifier.test/vocab#Badge",
            "name": "https://verifier.test/vocab#name",
            "issuer": {"@id": "https://verifier.test/vocab#issuer", "@type": "@id"},
            "recipient": {"@id": "https://verifier.test/vocab#recipient"},
            "DataIntegrityProof": {
              "@id": "sec:DataIntegrityProof",
              "@context": {
                "@protected": true,
                "id": "@id",
                "type": "@type",
                "cryptosuite": {"@id": "sec:cryptosuite", "@type": "https://w3id.org/security#cryptosuiteString"},
                "created": {"@id": "http://purl.org/dc/terms/created", "@type": "xsd:dateTime"},
                "proofPurpose": {"@id": "sec:proofPurpose", "@type": "@vocab", "@context": {"@protected": true, "assertionMethod": {"@id": "sec:assertionMethod", "@type": "@id", "@container": "@set"}}},
                "proofValue": {"@id": "sec:proofValue", "@type": "https://w3id.org/security#multibase"},
                "verificationMethod": {"@id": "sec:verificationMethod", "@type": "@id"}
              }
            },
            "proof": {"@id": "sec:proof", "@type": "@id", "@container": "@graph"}
          }
        }
        """;

    private readonly TestKeys _keys = new();
    private readonly JsonLdLinkedDataConverter _converter = new(new JsonLdProcessor(new InMemoryContextLoader().Add(ContextUrl, ContextJson)));
    private readonly TestSigner _signer;

    public JsonLdProofTests() => _signer = _keys.AddEd25519(Issuer + "#key-1", controller: Issuer);

    public void Dispose() => _keys.Dispose();

    [Fact]
    public async Task VerifyAsync_SignedWithOwnContext_Valid()
    {
        var (outcome, _) = await VerifyAsync(await ProofSigner.SignAsync(Badge(), _signer, _converter));

        Assert.True(outcome.AnyValid);
    }

    [Fact]
    public async Task VerifyAsync_ReorderedJsonSameMeaning_StillValid()
    {
        var signed = await ProofSigner.SignAsync(Badge(), _signer, _converter);
        var reordered = new JsonObject();
        foreach (var (key, value) in signed.Reverse())
        {
            reordered[key] = value!.DeepClone();
        }

        var (outcome, _) = await VerifyAsync(reordered);

        Assert.True(outcome.AnyValid);
    }

    [Fact]
    public async Task VerifyAsync_ChangedName_Fails()
    {
        var signed = await ProofSigner.SignAsync(Badge(), _signer, _converter);
        signed["name"] = "Forged badge";

        var (outcome, _) = await VerifyAsync(signed);

        Assert.False(outcome.AnyValid);
    }

    [Fact]
    public async Task VerifyAsync_UndefinedTermAddedAfterSigning_FailsInSafeMode()
    {
        // Without safe mode the extra member would vanish in expansion and the signature would still verify.
        var signed = await ProofSigner.SignAsync(Badge(), _signer, _converter);
        signed["grade"] = "A+";

        var (outcome, checks) = await VerifyAsync(signed);

        Assert.False(outcome.AnyValid);
        Assert.Contains("safe mode", Assert.Single(checks, c => c.Id == ProofCheckIds.DataIntegrity).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_UnknownContext_FailsNotValid()
    {
        var signed = await ProofSigner.SignAsync(Badge(), _signer, _converter);
        signed["@context"] = new JsonArray(ContextUrl, "https://unknown.test/context");

        var (outcome, checks) = await VerifyAsync(signed);

        Assert.False(outcome.AnyValid);
        Assert.NotEqual(VerificationOutcome.Valid, CheckCollector.Decide(checks));
    }

    [Fact]
    public async Task VerifyAsync_ValidProofBesideUndefinedProofType_InvalidBothReported()
    {
        var signed = await ProofSigner.SignAsync(Badge(), _signer, _converter);
        signed["proof"] = new JsonArray(new JsonObject { ["type"] = "SomeProofType", ["proofPurpose"] = "assertionMethod" }, signed["proof"]!.DeepClone());

        var (outcome, checks) = await VerifyAsync(signed);

        var reported = checks.Where(c => c.Id == ProofCheckIds.DataIntegrity).ToList();
        Assert.True(outcome.AnyValid);
        Assert.Equal(CheckOutcome.Failed, reported[0].Outcome);
        Assert.Contains("not valid JSON-LD", reported[0].Message, StringComparison.Ordinal);
        Assert.Equal(CheckOutcome.Passed, reported[1].Outcome);
        Assert.Equal(VerificationOutcome.Invalid, CheckCollector.Decide(checks));
    }

    [Fact]
    public async Task VerifyAsync_ValidProofBesideWellFormedBadProof_ValidWithWarning()
    {
        var signed = await ProofSigner.SignAsync(Badge(), _signer, _converter);
        var bad = signed["proof"]!.DeepClone();
        bad["proofValue"] = "z3FXQ";
        signed["proof"] = new JsonArray(bad, signed["proof"]!.DeepClone());

        var (_, checks) = await VerifyAsync(signed);

        var reported = checks.Where(c => c.Id == ProofCheckIds.DataIntegrity).ToList();
        Assert.Equal(CheckOutcome.Warning, reported[0].Outcome);
        Assert.Equal(VerificationOutcome.Valid, CheckCollector.Decide(checks));
    }

    /// <summary>
    /// Two proofs over the same credential hash it differently (ecdsa-rdfc-2019 with P-384: SHA-384; eddsa-rdfc-2022:
    /// SHA-256): the canonical form the proofs of a set share must not hand one proof the other's hash.
    /// </summary>
    [Fact]
    public async Task VerifyAsync_ProofSetWithTwoHashAlgorithms_BothVerify()
    {
        var p384 = _keys.AddEcdsa(Issuer + "#key-2", KeyKind.EcP384, controller: Issuer);
        var signed = await ProofSigner.SignAsync(Badge(), p384, _converter, cryptosuite: "ecdsa-rdfc-2019");
        signed = await ProofSigner.SignAsync(signed, _signer, _converter);

        var (outcome, checks) = await VerifyAsync(signed);

        Assert.True(outcome.AnyValid);
        var reported = checks.Where(c => c.Id == ProofCheckIds.DataIntegrity).ToList();
        Assert.Equal(2, reported.Count);
        Assert.All(reported, c => Assert.Equal(CheckOutcome.Passed, c.Outcome));
    }

    private static JsonObject Badge() => new()
    {
        ["@context"] = new JsonArray(ContextUrl),
        ["id"] = "urn:uuid:0b7a4a3e-7c3f-4a5e-9d55-3b0f6b1f0c11",
        ["type"] = "Badge",
        ["name"] = "Own badge",
        ["issuer"] = Issuer,
        ["recipient"] = "someone@example.org",
    };

    private async Task<(EmbeddedProofOutcome Outcome, IReadOnlyList<CheckResult> Checks)> VerifyAsync(JsonObject credential)
    {
        var verifier = new DataIntegrityProofVerifier(_keys, TestBinder.Offline, _converter);
        var context = new VerificationContext(new VerificationRequest { Input = VerificationInput.FromText("{}") }, new VerifierOptions(), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var outcome = await verifier.VerifyAsync(ProofSigner.ToElement(credential), Issuer, context, CancellationToken.None);
        return (outcome, context.Checks.Snapshot());
    }
}
