using System.CommandLine;
using System.Globalization;
using Verifier.Core.Reporting;

namespace Verifier.Cli;

/// <summary>
/// Outputs a CI job wants beside the main one, from the same run (verifying again per format would fetch again and
/// could disagree): <c>--report FORMAT=FILE</c> (repeatable) and <c>--summary FILE</c>, the counts as key=value lines
/// that a GitHub Actions step appends to $GITHUB_OUTPUT as they are.
/// </summary>
internal sealed class ExtraOutputs
{
    private static readonly string[] Formats = ["text", "json", "junit", "sarif"];

    public Option<string[]> Reports { get; } = new("--report")
    {
        Description = "Also write FORMAT (text, json, junit, sarif) to FILE, from the same verification: --report sarif=badges.sarif. Repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<FileInfo?> Summary { get; } = new("--summary")
    {
        Description = "Write the counts as key=value lines (total, valid, invalid, indeterminate, error, warnings) to FILE.",
    };

    public ExtraOutputs() => Reports.Validators.Add(r =>
    {
        foreach (var token in r.Tokens)
        {
            if (Parse(token.Value) is null)
            {
                r.AddError($"--report takes FORMAT=FILE with FORMAT one of {string.Join(", ", Formats)}, not '{token.Value}'");
            }
        }
    });

    public async Task WriteAsync(ParseResult parse, IReadOnlyList<VerifiedInput> results, bool verbose)
    {
        foreach (var (format, path) in (parse.GetValue(Reports) ?? []).Select(Parse).OfType<(string, string)>())
        {
            await using var writer = new StreamWriter(path, append: false);
            await ReportWriters.WriteAsync(format, results, verbose, writer).ConfigureAwait(false);
        }

        if (parse.GetValue(Summary) is { } summary)
        {
            await File.WriteAllTextAsync(summary.FullName, Counts(results)).ConfigureAwait(false);
        }
    }

    /// <summary>Inputs by outcome; "warnings" counts inputs whose report has at least one warning.</summary>
    public static string Counts(IReadOnlyList<VerifiedInput> results)
    {
        int Count(Func<VerifiedInput, bool> predicate) => results.Count(predicate);
        var lines = new (string, int)[]
        {
            ("total", results.Count),
            ("valid", Count(r => r.Report?.Outcome == VerificationOutcome.Valid)),
            ("invalid", Count(r => r.Report?.Outcome == VerificationOutcome.Invalid)),
            ("indeterminate", Count(r => r.Report?.Outcome == VerificationOutcome.Indeterminate)),
            ("error", Count(r => r.Report is null)),
            ("warnings", Count(r => r.Report?.WarningCount > 0)),
        };
        return string.Concat(lines.Select(l => $"{l.Item1}={l.Item2.ToString(CultureInfo.InvariantCulture)}\n"));
    }

    private static (string Format, string Path)? Parse(string value)
    {
        var split = value.IndexOf('=', StringComparison.Ordinal);
        if (split <= 0 || split == value.Length - 1)
        {
            return null;
        }

        var format = value[..split];
        return Formats.Contains(format, StringComparer.Ordinal) ? (format, value[(split + 1)..]) : null;
    }
}
