namespace Verifier.Cli.Tests;

public sealed class UnbakeCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Unbake_ImageWithoutBadge_Exits1()
    {
        var png = _files.Write("plain.png", Badges.BrokenPng);

        var run = await Obverify.RunAsync(["unbake", png]);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stdout.Trim());
        Assert.NotEmpty(run.Stderr);
    }

    [Fact]
    public async Task Unbake_MissingFile_Exits2()
    {
        var run = await Obverify.RunAsync(["unbake", _files.PathOf("missing.png")]);

        Assert.Equal(2, run.ExitCode);
    }
}
