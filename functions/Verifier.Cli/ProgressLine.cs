namespace Verifier.Cli;

/// <summary>
/// "verified 12 of 40" on standard error while many badges are verified, rewritten in place (carriage return) and
/// erased at the end. Only on a terminal: a CI log or a redirected stream must not fill with progress lines.
/// </summary>
internal sealed class ProgressLine(TextWriter writer, int total, bool enabled)
{
    /// <summary>Fewer inputs than this finish before a line would be worth reading.</summary>
    public const int MinimumInputs = 3;

    private readonly Lock _gate = new();
    private int _done;
    private int _width;

    /// <summary>On when standard error is the console and not redirected, and there are enough inputs.</summary>
    public static ProgressLine For(TextWriter stderr, int total) =>
        new(stderr, total, total >= MinimumInputs && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);

    public void Advance()
    {
        if (!enabled)
        {
            return;
        }

        lock (_gate)
        {
            _done++;
            var text = $"obverify: verified {_done} of {total}";
            _width = Math.Max(_width, text.Length);
            writer.Write("\r" + text.PadRight(_width));
            writer.Flush();
        }
    }

    public void Clear()
    {
        if (!enabled || _width == 0)
        {
            return;
        }

        lock (_gate)
        {
            writer.Write("\r" + new string(' ', _width) + "\r");
            writer.Flush();
        }
    }
}
