using System.Text.Json;
using Verifier.Core.Reporting;

namespace Verifier.Cli;

/// <summary>Dispatches to the output formats. JSON is the engine's own report shape (an array for several inputs).</summary>
internal static class ReportWriters
{
    public static async Task WriteAsync(string format, IReadOnlyList<VerifiedInput> results, bool verbose, TextWriter writer)
    {
        switch (format)
        {
            case "json":
                await WriteJsonAsync(results, writer).ConfigureAwait(false);
                break;
            case "junit":
                JUnitWriter.Write(results, writer);
                break;
            case "sarif":
                await SarifWriter.WriteAsync(results, writer).ConfigureAwait(false);
                break;
            default:
                await TextWriterFormat.WriteAsync(results, verbose, writer).ConfigureAwait(false);
                break;
        }

        await writer.FlushAsync().ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(IReadOnlyList<VerifiedInput> results, TextWriter writer)
    {
        // Unreadable inputs have no report; they are named on standard error and the exit code is 2.
        var reports = results.Where(r => r.Report is not null).Select(r => r.Report!).ToList();
        if (reports.Count == 0)
        {
            return;
        }

        var json = results.Count == 1
            ? JsonSerializer.Serialize(reports[0], ReportJson.Options)
            : JsonSerializer.Serialize(reports, ReportJson.Options);
        await writer.WriteLineAsync(json).ConfigureAwait(false);
    }
}
