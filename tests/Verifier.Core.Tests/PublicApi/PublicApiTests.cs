namespace Verifier.Core.Tests.PublicApi;

/// <summary>
/// The engine's public surface is what the hosts use (BadgeVerifier, requests, reports, options, registration);
/// everything else is internal. A change to it is a change to this file, seen in review.
/// </summary>
public class PublicApiTests() : PublicApiSnapshotTests(typeof(BadgeVerifier).Assembly, "tests/Verifier.Core.Tests/PublicApi/Verifier.Core.txt")
{
}
