namespace Verifier.Hosts.Tests.PublicApi;

/// <summary>The shared HTTP layer's public surface: what the Functions app and the local host compose.</summary>
public class PublicApiTests() : PublicApiSnapshotTests(typeof(Routes).Assembly, "tests/Verifier.Hosts.Tests/PublicApi/Verifier.Http.txt")
{
}
