namespace Verifier.Cli.Tests;

/// <summary>The composite GitHub Action (action.yml) defaults to the conformance profile and passes the CLI's own flags.</summary>
public sealed class ActionTests
{
    private static readonly string Action = File.ReadAllText(Path.Combine(RepositoryRoot(), "action.yml"));

    [Fact]
    public void Action_ProfileInput_DefaultsToConformance()
    {
        var profile = Action[Action.IndexOf("  profile:", StringComparison.Ordinal)..Action.IndexOf("  policy:", StringComparison.Ordinal)];

        Assert.Contains("default: conformance", profile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conformance) args+=(--conformance)")]
    [InlineData("strict) args+=(--strict)")]
    [InlineData("lenient) args+=(--lenient)")]
    [InlineData("functions/Verifier.Cli")]
    public void Action_Script_UsesTheCliFlags(string fragment) => Assert.Contains(fragment, Action, StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verifier.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Verifier.sln not found above the test's folder");
    }
}
