using System.Text.Json;
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
}
