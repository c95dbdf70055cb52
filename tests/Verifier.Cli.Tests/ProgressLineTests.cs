namespace Verifier.Cli.Tests;

/// <summary>The progress line is rewritten in place and erased, and says nothing when it is off.</summary>
public sealed class ProgressLineTests
{
    [Fact]
    public void Advance_Enabled_RewritesOneLineAndClearErasesIt()
    {
        using var writer = new StringWriter();
        var progress = new ProgressLine(writer, total: 3, enabled: true);

        progress.Advance();
        progress.Advance();
        progress.Clear();

        var text = "obverify: verified 1 of 3";
        Assert.Equal($"\r{text}\robverify: verified 2 of 3\r{new string(' ', text.Length)}\r", writer.ToString());
    }

    [Fact]
    public void Advance_Disabled_WritesNothing()
    {
        using var writer = new StringWriter();
        var progress = new ProgressLine(writer, total: 40, enabled: false);

        progress.Advance();
        progress.Clear();

        Assert.Equal(string.Empty, writer.ToString());
    }

    [Fact]
    public void For_AWriterThatIsNotTheConsole_IsOff()
    {
        using var writer = new StringWriter();

        ProgressLine.For(writer, 100).Advance();

        Assert.Equal(string.Empty, writer.ToString());
    }
}
