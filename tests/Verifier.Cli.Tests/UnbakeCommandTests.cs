namespace Verifier.Cli.Tests;

public sealed class UnbakeCommandTests : WithTempFiles
{
    [Fact]
    public async Task Unbake_ImageWithoutBadge_Exits1()
    {
        var png = Files.Write("plain.png", Badges.BrokenPng);

        var run = await Obverify.RunAsync(["unbake", png]);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout.Trim());
        Assert.NotEmpty(run.Stderr);
    }

    [Fact]
    public async Task Unbake_MissingFile_Exits2()
    {
        var run = await Obverify.RunAsync(["unbake", Files.PathOf("missing.png")]);

        Assert.Equal(2, run.ExitCode);
    }
}
