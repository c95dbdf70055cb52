using Verifier.Core.Proofs.Suites;

namespace Verifier.Core.Tests.Proofs;

public sealed class ProofDocumentsTests
{
    private const string Secured = """
        {"@context": ["https://www.w3.org/ns/credentials/v2", "https://example.test/v1"], "name": "x",
         "proof": {"type": "DataIntegrityProof", "proofValue": "z1", "created": "2026-01-01T00:00:00Z"}}
        """;

    [Fact]
    public void Unsecured_DropsProofOnly()
    {
        using var doc = JsonDocument.Parse(Secured);

        var unsecured = ProofDocuments.Unsecured(doc.RootElement);

        Assert.False(unsecured.TryGetProperty("proof", out _));
        Assert.Equal("x", unsecured.GetProperty("name").GetString());
    }

    [Fact]
    public void ProofConfig_DropsProofValueAndTakesDocumentContext()
    {
        using var doc = JsonDocument.Parse(Secured);

        var config = ProofDocuments.ProofConfig(doc.RootElement, doc.RootElement.GetProperty("proof"), out var error);

        Assert.Null(error);
        Assert.False(config!.Value.TryGetProperty("proofValue", out _));
        Assert.True(JsonElement.DeepEquals(doc.RootElement.GetProperty("@context"), config.Value.GetProperty("@context")));
        Assert.Equal("2026-01-01T00:00:00Z", config.Value.GetProperty("created").GetString());
    }

    [Theory]
    [InlineData("\"https://www.w3.org/ns/credentials/v2\"", true)]
    [InlineData("[\"https://www.w3.org/ns/credentials/v2\", \"https://example.test/v1\"]", true)]
    [InlineData("[\"https://example.test/v1\"]", false)]
    [InlineData("[\"https://www.w3.org/ns/credentials/v2\", \"https://example.test/v1\", \"https://more.test\"]", false)]
    public void ProofConfig_ProofContextMustPrefixDocumentContext(string proofContext, bool accepted)
    {
        using var doc = JsonDocument.Parse(Secured.Replace("\"type\": \"DataIntegrityProof\"", $"\"@context\": {proofContext}, \"type\": \"DataIntegrityProof\"", StringComparison.Ordinal));

        var config = ProofDocuments.ProofConfig(doc.RootElement, doc.RootElement.GetProperty("proof"), out var error);

        Assert.Equal(accepted, config is not null);
        Assert.Equal(accepted, error is null);
    }

    [Fact]
    public void ProofConfig_LegacyOwnContext_DocumentContextsThenTheProofsOwn()
    {
        using var doc = JsonDocument.Parse(Secured.Replace("\"type\": \"DataIntegrityProof\"", "\"@context\": [\"https://suite.test/v1\", \"https://example.test/v1\"], \"type\": \"Ed25519Signature2020\"", StringComparison.Ordinal));

        var config = ProofDocuments.ProofConfig(doc.RootElement, doc.RootElement.GetProperty("proof"), ownContext: true, detachedJws: false, out var error);

        Assert.Null(error);
        Assert.Equal(
            ["https://www.w3.org/ns/credentials/v2", "https://example.test/v1", "https://suite.test/v1"],
            config!.Value.GetProperty("@context").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void ProofConfig_LegacyOwnInlineContext_Refused()
    {
        using var doc = JsonDocument.Parse(Secured.Replace("\"type\": \"DataIntegrityProof\"", "\"@context\": [{\"created\": \"urn:evil\"}], \"type\": \"Ed25519Signature2020\"", StringComparison.Ordinal));

        var config = ProofDocuments.ProofConfig(doc.RootElement, doc.RootElement.GetProperty("proof"), ownContext: true, detachedJws: false, out var error);

        Assert.Null(config);
        Assert.NotNull(error);
    }

    [Fact]
    public void Unsecured_ChainedProof_KeepsNamedPreviousProofs()
    {
        using var doc = JsonDocument.Parse("""
            {"name": "x", "proof": [{"id": "urn:p1", "proofValue": "z1"}, {"id": "urn:p2", "proofValue": "z2"},
             {"id": "urn:p3", "previousProof": "urn:p1", "proofValue": "z3"}]}
            """);

        var unsecured = ProofDocuments.Unsecured(doc.RootElement, doc.RootElement.GetProperty("proof")[2], out var error);

        Assert.Null(error);
        var kept = Assert.Single(unsecured!.Value.GetProperty("proof").EnumerateArray());
        Assert.Equal("urn:p1", kept.GetProperty("id").GetString());
    }

    [Fact]
    public void Unsecured_PreviousProofMissing_IsError()
    {
        using var doc = JsonDocument.Parse("""{"proof": [{"id": "urn:p3", "previousProof": ["urn:gone"], "proofValue": "z3"}]}""");

        var unsecured = ProofDocuments.Unsecured(doc.RootElement, doc.RootElement.GetProperty("proof")[0], out var error);

        Assert.Null(unsecured);
        Assert.Contains("urn:gone", error, StringComparison.Ordinal);
    }
}
