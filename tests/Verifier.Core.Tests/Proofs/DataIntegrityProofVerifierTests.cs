namespace Verifier.Core.Tests.Proofs;

public sealed class DataIntegrityProofVerifierTests : IDisposable
{
    private const string Issuer = "did:example:issuer";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TestKeys _keys = new();
    private readonly PlainJsonRdfConverter _converter = new();
    private readonly TestSigner _issuerKey;

    public DataIntegrityProofVerifierTests() => _issuerKey = _keys.AddEd25519(Issuer + "#key-1", controller: Issuer);

    public void Dispose() => _keys.Dispose();

    [Fact]
    public async Task VerifyAsync_SignedByIssuer_ValidAndBound()
    {
        var (outcome, checks) = await VerifyAsync(await SignAsync(Credential(), _issuerKey));

        Assert.True(outcome.AnyValid);
        Assert.True(outcome.IssuerKeyBound);
        Assert.Equal("eddsa-rdfc-2022", outcome.Cryptosuite);
        Assert.Equal(Issuer + "#key-1", outcome.VerificationMethod);
        Assert.Equal(CheckOutcome.Passed, Single(checks, ProofCheckIds.DataIntegrity).Outcome);
        Assert.Equal(VerificationOutcome.Valid, CheckCollector.Decide(checks));
    }

    [Fact]
    public async Task VerifyAsync_TamperedValue_Fails()
    {
        var signed = await SignAsync(Credential(), _issuerKey);
        signed["credentialSubject"]!["achievement"]!["name"] = "Another badge";

        var (outcome, checks) = await VerifyAsync(signed);

        Assert.False(outcome.AnyValid);
        Assert.Contains("does not verify", Single(checks, ProofCheckIds.DataIntegrity).Message, StringComparison.Ordinal);
        Assert.Equal(VerificationOutcome.Invalid, CheckCollector.Decide(checks));
    }

    [Fact]
    public async Task VerifyAsync_TamperedProofCreated_Fails()
    {
        var signed = await SignAsync(Credential(), _issuerKey);
        signed["proof"]!["created"] = "2026-01-02T00:00:00Z";

        var (outcome, _) = await VerifyAsync(signed);

        Assert.False(outcome.AnyValid);
    }

    [Fact]
    public async Task VerifyAsync_SignedByAnotherKey_Fails()
    {
        var other = _keys.AddEd25519("did:example:other#key-1");
        var signed = await SignAsync(Credential(), other);
        signed["proof"]!["verificationMethod"] = _issuerKey.Id;

        var (outcome, checks) = await VerifyAsync(signed);

        Assert.False(outcome.AnyValid);
        Assert.Equal(CheckOutcome.Failed, Single(checks, ProofCheckIds.DataIntegrity).Outcome);
    }

    [Fact]
    public async Task VerifyAsync_WrongProofPurpose_Fails()
    {
        var (outcome, checks) = await VerifyAsync(await SignAsync(Credential(), _issuerKey, proofPurpose: "authentication"));

        Assert.False(outcome.AnyValid);
        Assert.Contains("proofPurpose", Single(checks, ProofCheckIds.DataIntegrity).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_UnknownCryptosuite_Fails()
    {
        var (outcome, checks) = await VerifyAsync(await SignAsync(Credential(), _issuerKey, cryptosuite: "eddsa-future-2030"));

        Assert.False(outcome.AnyValid);
        Assert.Contains("eddsa-future-2030", Single(checks, ProofCheckIds.DataIntegrity).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_LegacyEddsa2022Name_ValidWithWarning()
    {
        var (outcome, checks) = await VerifyAsync(await SignAsync(Credential(), _issuerKey, cryptosuite: "eddsa-2022"));

        Assert.True(outcome.AnyValid);
        Assert.Equal(CheckOutcome.Warning, Single(checks, ProofCheckIds.LegacySuiteName).Outcome);
        Assert.Equal(VerificationOutcome.Valid, CheckCollector.Decide(checks));
    }

    [Fact]
    public async Task VerifyAsync_Ed25519Signature2020_Valid()
    {
        var (outcome, _) = await VerifyAsync(await SignAsync(Credential(), _issuerKey, type: "Ed25519Signature2020"));

        Assert.True(outcome.AnyValid);
        Assert.Equal("Ed25519Signature2020", outcome.Cryptosuite);
    }

    [Theory]
    [InlineData(KeyKind.EcP256)]
    [InlineData(KeyKind.EcP384)]
    public async Task VerifyAsync_EcdsaRdfc2019_ValidAndTamperFails(KeyKind kind)
    {
        var ec = _keys.AddEcdsa(Issuer + "#ec-" + kind, kind, controller: Issuer);
        var signed = await SignAsync(Credential(), ec, cryptosuite: "ecdsa-rdfc-2019");

        var (valid, _) = await VerifyAsync(signed);
        signed["name"] = "Changed";
        var (tampered, _) = await VerifyAsync(signed);

        Assert.True(valid.AnyValid);
        Assert.False(tampered.AnyValid);
    }

    [Fact]
    public async Task VerifyAsync_EcdsaSuiteWithEd25519Key_Fails()
    {
        var (outcome, checks) = await VerifyAsync(await SignAsync(Credential(), _issuerKey, cryptosuite: "ecdsa-rdfc-2019"));

        Assert.False(outcome.AnyValid);
        Assert.Contains("Ed25519 key", Single(checks, ProofCheckIds.DataIntegrity).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_OneBadOneGoodProof_ValidWithBothReported()
    {
        var bad = await SignAsync(Credential(), _issuerKey, proofPurpose: "authentication");
        var both = await ProofSigner.SignAsync(bad, _issuerKey, _converter);

        var (outcome, checks) = await VerifyAsync(both);

        Assert.True(outcome.AnyValid);
        var reported = checks.Where(c => c.Id == ProofCheckIds.DataIntegrity).ToList();
        Assert.Equal(2, reported.Count);
        Assert.Equal(CheckOutcome.Warning, reported[0].Outcome);
        Assert.Equal(CheckOutcome.Passed, reported[1].Outcome);
        Assert.Equal(VerificationOutcome.Valid, CheckCollector.Decide(checks));
    }

    [Fact]
    public async Task VerifyAsync_TwoValidProofs_PrefersIssuerKey()
    {
        var stranger = _keys.AddEd25519("did:example:stranger#key-1", controller: "did:example:stranger");
        var byStranger = await SignAsync(Credential(), stranger);
        var both = await ProofSigner.SignAsync(byStranger, _issuerKey, _converter);

        var (outcome, _) = await VerifyAsync(both);

        Assert.True(outcome.IssuerKeyBound);
        Assert.Equal(_issuerKey.Id, outcome.VerificationMethod);
    }

    [Fact]
    public async Task VerifyAsync_KeyOfAnotherDid_SignatureValidButBindingFails()
    {
        var stranger = _keys.AddEd25519("did:example:stranger#key-1", controller: "did:example:stranger");

        var (outcome, checks) = await VerifyAsync(await SignAsync(Credential(), stranger));

        Assert.True(outcome.AnyValid);
        Assert.False(outcome.IssuerKeyBound);
        Assert.Equal(CheckOutcome.Failed, Single(checks, "ob3.issuer-key").Outcome);
        Assert.Equal(VerificationOutcome.Invalid, CheckCollector.Decide(checks));
    }

    [Fact]
    public async Task VerifyAsync_IssuerDidKey_BindingPasses()
    {
        var (_, checks) = await VerifyAsync(await SignAsync(Credential(), _issuerKey));

        Assert.Equal(CheckOutcome.Passed, Single(checks, "ob3.issuer-key").Outcome);
    }

    [Fact]
    public async Task VerifyAsync_KeyNotListedForAssertion_Fails()
    {
        var unlisted = _keys.AddEd25519(Issuer + "#auth-only", controller: Issuer, listedForAssertion: false);

        var (outcome, checks) = await VerifyAsync(await SignAsync(Credential(), unlisted));

        Assert.False(outcome.AnyValid);
        Assert.Contains("assertionMethod", Single(checks, ProofCheckIds.DataIntegrity).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_UnreachableKey_Indeterminate()
    {
        var signed = await SignAsync(Credential(), _issuerKey);
        signed["proof"]!["verificationMethod"] = TestKeys.UnreachableHost + "key";

        var (outcome, checks) = await VerifyAsync(signed);

        Assert.False(outcome.AnyValid);
        Assert.True(Single(checks, ProofCheckIds.DataIntegrity).Indeterminate);
        Assert.Equal(VerificationOutcome.Indeterminate, CheckCollector.Decide(checks));
    }

    [Theory]
    [InlineData("expires", "2026-05-01T00:00:00Z", "expired")]
    [InlineData("created", "2027-01-01T00:00:00Z", "future")]
    [InlineData("created", "yesterday", "dateTime")]
    public async Task VerifyAsync_ProofDates_Enforced(string member, string value, string expected)
    {
        var signed = await SignAsync(Credential(), _issuerKey);
        signed["proof"]![member] = value;

        var (outcome, checks) = await VerifyAsync(signed);

        Assert.False(outcome.AnyValid);
        Assert.Contains(expected, Single(checks, ProofCheckIds.DataIntegrity).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("uNotBase58")]
    [InlineData("z0OIl")]
    public async Task VerifyAsync_BadProofValue_Fails(string proofValue)
    {
        var signed = await SignAsync(Credential(), _issuerKey);
        signed["proof"]!["proofValue"] = proofValue;

        var (outcome, _) = await VerifyAsync(signed);

        Assert.False(outcome.AnyValid);
    }

    [Fact]
    public async Task VerifyAsync_NoProof_FailsPresent()
    {
        var (outcome, checks) = await VerifyAsync(Credential());

        Assert.False(outcome.AnyValid);
        Assert.Equal(CheckOutcome.Failed, Single(checks, ProofCheckIds.Present).Outcome);
    }

    [Fact]
    public async Task VerifyAsync_Verbose_DetailsCarryCanonicalFormsAndHashes()
    {
        var (_, checks) = await VerifyAsync(await SignAsync(Credential(), _issuerKey), verbose: true);

        var details = Single(checks, ProofCheckIds.DataIntegrity).Details!;
        Assert.Contains("urn:test:proofPurpose", details["canonicalProofConfiguration"], StringComparison.Ordinal);
        Assert.Contains("Test badge", details["canonicalDocument"], StringComparison.Ordinal);
        Assert.Equal(64, details["documentHash"].Length);
        Assert.DoesNotContain("proofValue", details["proofConfiguration"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_NotVerbose_NoDetails()
    {
        var (_, checks) = await VerifyAsync(await SignAsync(Credential(), _issuerKey));

        Assert.Null(Single(checks, ProofCheckIds.DataIntegrity).Details);
    }

    [Fact]
    public async Task VerifyAsync_ConverterThatDoesNotAudit_FailsClosed()
    {
        // A converter must say the document is plain (an empty audit) for a signature to count: none is not "plain".
        var signed = await SignAsync(Credential(), _issuerKey);
        var verifier = new DataIntegrityProofVerifier(_keys, TestBinder.Offline, new NotAuditing(_converter));
        var context = new VerificationContext(new VerificationRequest { Input = VerificationInput.FromText("{}") }, new VerifierOptions(), Now);

        var outcome = await verifier.VerifyAsync(ProofSigner.ToElement(signed), Issuer, context, CancellationToken.None);

        Assert.False(outcome.AnyValid);
        Assert.Contains("without the plain-form audit", Single(context.Checks.Snapshot(), ProofCheckIds.DataIntegrity).Message, StringComparison.Ordinal);
    }

    internal static JsonObject Credential() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
        ["id"] = "urn:uuid:6f1c4f6e-2b1e-4c2e-9f0a-0a1b2c3d4e5f",
        ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
        ["issuer"] = new JsonObject { ["id"] = Issuer, ["name"] = "Test issuer" },
        ["name"] = "Test badge",
        ["credentialSubject"] = new JsonObject
        {
            ["achievement"] = new JsonObject { ["name"] = "Test badge", ["criteria"] = new JsonObject { ["narrative"] = "Do it" } },
        },
    };

    private Task<JsonObject> SignAsync(JsonObject credential, TestSigner signer, string cryptosuite = "eddsa-rdfc-2022", string type = "DataIntegrityProof", string proofPurpose = "assertionMethod") =>
        ProofSigner.SignAsync(credential, signer, _converter, cryptosuite, type, proofPurpose);

    private async Task<(EmbeddedProofOutcome Outcome, IReadOnlyList<CheckResult> Checks)> VerifyAsync(JsonObject credential, bool verbose = false)
    {
        var verifier = new DataIntegrityProofVerifier(_keys, TestBinder.Offline, _converter);
        var request = new VerificationRequest { Input = VerificationInput.FromText("{}"), Verbose = verbose };
        var context = new VerificationContext(request, new VerifierOptions(), Now);
        var outcome = await verifier.VerifyAsync(ProofSigner.ToElement(credential), Issuer, context, CancellationToken.None);
        return (outcome, context.Checks.Snapshot());
    }

    private static CheckResult Single(IReadOnlyList<CheckResult> checks, string id) => Assert.Single(checks, c => c.Id == id);

    private sealed class NotAuditing(ILinkedDataConverter inner) : ILinkedDataConverter
    {
        public ValueTask<RdfConversion> ToRdfAsync(JsonElement document, CancellationToken cancellationToken) => inner.ToRdfAsync(document, cancellationToken);

        public ValueTask<RdfConversion> ToRdfAuditedAsync(JsonElement document, CancellationToken cancellationToken) => inner.ToRdfAsync(document, cancellationToken);
    }
}
