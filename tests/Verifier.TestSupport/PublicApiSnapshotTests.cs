using System.Reflection;
using Xunit;

namespace Verifier.TestSupport;

/// <summary>
/// The one public-API test each snapshotted assembly has (Core, LinkedData, the HTTP layer): a project's test class
/// derives from this with its assembly and snapshot file instead of repeating the fact. xunit runs the inherited fact
/// under the derived class's name, so <c>--filter PublicApi</c> still finds it.
/// </summary>
public abstract class PublicApiSnapshotTests
{
    private readonly Assembly _assembly;
    private readonly string _snapshot;

    /// <param name="snapshot">The snapshot file, from the repository root (forward slashes).</param>
    protected PublicApiSnapshotTests(Assembly assembly, string snapshot)
    {
        _assembly = assembly;
        _snapshot = snapshot;
    }

    [Fact]
    public void PublicTypesAndMembers_MatchTheSnapshot() => PublicApiSnapshot.AssertMatches(_assembly, _snapshot);
}
