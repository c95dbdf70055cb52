namespace Verifier.LinkedData.Tests.PublicApi;

/// <summary>The JSON-LD library's public surface is what the engine and the CLI use; the rest is internal.</summary>
public class PublicApiTests() : PublicApiSnapshotTests(typeof(JsonLdProcessor).Assembly, "tests/Verifier.LinkedData.Tests/PublicApi/Verifier.LinkedData.txt")
{
}
