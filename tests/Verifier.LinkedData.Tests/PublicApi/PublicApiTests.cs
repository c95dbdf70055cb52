using Verifier.LinkedData.JsonLd;

namespace Verifier.LinkedData.Tests.PublicApi;

/// <summary>The JSON-LD library's public surface is what the engine and the CLI use; the rest is internal.</summary>
public class PublicApiTests
{
    [Fact]
    public void VerifierLinkedData_PublicTypesAndMembers_MatchTheSnapshot() =>
        PublicApiSnapshot.AssertMatches(typeof(JsonLdProcessor).Assembly, "tests/Verifier.LinkedData.Tests/PublicApi/Verifier.LinkedData.txt");
}
