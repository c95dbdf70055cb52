using Verifier.Http;

namespace Verifier.Hosts.Tests.PublicApi;

/// <summary>The shared HTTP layer's public surface: what the Functions app and the local host compose.</summary>
public class PublicApiTests
{
    [Fact]
    public void VerifierHttp_PublicTypesAndMembers_MatchTheSnapshot() =>
        PublicApiSnapshot.AssertMatches(typeof(Routes).Assembly, "tests/Verifier.Hosts.Tests/PublicApi/Verifier.Http.txt");
}
