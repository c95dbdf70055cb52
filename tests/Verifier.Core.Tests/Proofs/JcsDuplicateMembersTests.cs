using Verifier.LinkedData.Jcs;

namespace Verifier.Core.Tests.Proofs;

/// <summary>
/// eddsa-jcs-2022 signs the JSON text (RFC 8785), so it needs no plain-form audit, only unique member names: JCS is
/// defined for I-JSON, and with a duplicate the signed text holds both values while a JSON reader keeps one.
/// </summary>
public sealed class JcsDuplicateMembersTests : IDisposable
{
    private const string Issuer = "did:example:issuer";
    private readonly TestKeys _keys = new();
    private readonly TestSigner _signer;

    public JcsDuplicateMembersTests() => _signer = _keys.AddEd25519(Issuer + "#key-1", controller: Issuer);

    public void Dispose() => _keys.Dispose();

    [Fact]
    public async Task VerifyAsync_JcsSignedWithUniqueNames_Valid()
    {
        var text = DataIntegrityProofVerifierTests.Credential().ToJsonString();

        var (outcome, _) = await VerifyAsync(Sign(text));

        Assert.True(outcome.AnyValid);
    }

    [Fact]
    public async Task VerifyAsync_JcsSignatureOverDuplicateNames_Invalid()
    {
        // Even signed as it is, a document with "name" twice is refused: readers disagree on which name it has.
        var text = DataIntegrityProofVerifierTests.Credential().ToJsonString();
        var duplicated = text.Insert(text.IndexOf("\"name\":\"Test badge\"", StringComparison.Ordinal), "\"name\":\"Other badge\",");

        var (outcome, checks) = await VerifyAsync(Sign(duplicated));

        Assert.False(outcome.AnyValid);
        Assert.Contains("more than once", Assert.Single(checks, c => c.Id == ProofCheckIds.DataIntegrity).Message, StringComparison.Ordinal);
    }

    /// <summary>vc-di-eddsa §3.4: SHA-256(JCS(proof configuration)) ‖ SHA-256(JCS(document)), as the issuer computes it.</summary>
    private string Sign(string unsecuredText)
    {
        using var unsecured = JsonDocument.Parse(unsecuredText);
        var proof = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-jcs-2022",
            ["created"] = "2026-01-01T00:00:00Z",
            ["verificationMethod"] = _signer.Id,
            ["proofPurpose"] = "assertionMethod",
        };
        var config = proof.DeepClone().AsObject();
        config["@context"] = JsonNode.Parse(unsecured.RootElement.GetProperty("@context").GetRawText());
        byte[] hashData =
        [
            .. SHA256.HashData(Encoding.UTF8.GetBytes(JsonCanonicalizer.Canonicalize(ProofSigner.ToElement(config)))),
            .. SHA256.HashData(Encoding.UTF8.GetBytes(JsonCanonicalizer.Canonicalize(unsecured.RootElement))),
        ];
        proof["proofValue"] = TestKeys.Multibase(_signer.Sign(hashData));
        return unsecuredText[..^1] + ",\"proof\":" + proof.ToJsonString() + "}";
    }

    private async Task<(EmbeddedProofOutcome Outcome, IReadOnlyList<CheckResult> Checks)> VerifyAsync(string signedText)
    {
        using var signed = JsonDocument.Parse(signedText); // lenient on purpose: the suite itself must refuse duplicates
        var verifier = new DataIntegrityProofVerifier(_keys, TestBinder.Offline, new PlainJsonRdfConverter());
        var context = new VerificationContext(new VerificationRequest { Input = VerificationInput.FromText("{}") }, new VerifierOptions(), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var outcome = await verifier.VerifyAsync(signed.RootElement, Issuer, context, CancellationToken.None);
        return (outcome, context.Checks.Snapshot());
    }
}
