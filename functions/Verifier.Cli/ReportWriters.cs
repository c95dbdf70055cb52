using System.Text.Encodings.Web;
using System.Text.Json;
using Verifier.Core.Reporting;

namespace Verifier.Cli;

/// <summary>Dispatches to the output formats. JSON is the engine's own report shape (an array for several inputs).</summary>
internal static class ReportWriters
{
    /// <summary>The outcome of an input that could not be read: no verdict on a badge, so neither valid nor invalid.</summary>
    public const string ErrorOutcome = "error";

    /// <summary>The check an unreadable input fails in every format.</summary>
    public const string ReadCheckId = "input.read";

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

    /// <summary>
    /// One report per input, each naming it (<c>input.name</c>); an unreadable input is an entry too, with outcome
    /// "error" and the failed check <c>input.read</c>, so a list never silently loses an input.
    /// </summary>
    private static async Task WriteJsonAsync(IReadOnlyList<VerifiedInput> results, TextWriter writer)
    {
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (results.Count != 1)
            {
                json.WriteStartArray();
            }

            foreach (var result in results)
            {
                if (result.Report is { } report)
                {
                    ReportJson.Write(json, report);
                }
                else
                {
                    WriteUnreadable(json, result);
                }
            }

            if (results.Count != 1)
            {
                json.WriteEndArray();
            }
        }

        await writer.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
    }

    private static void WriteUnreadable(Utf8JsonWriter json, VerifiedInput result)
    {
        var message = result.Error ?? "could not be read";
        json.WriteStartObject();
        json.WriteBoolean("valid", false);
        json.WriteString("outcome", ErrorOutcome);
        json.WriteNumber("errorCount", 1);
        json.WriteNumber("warningCount", 0);
        json.WriteStartObject("input");
        json.WriteString("kind", "file");
        json.WriteString("name", result.Name);
        json.WriteEndObject();
        json.WriteString("error", message);
        json.WriteStartArray("checks");
        json.WriteStartObject();
        json.WriteString("id", ReadCheckId);
        json.WriteString("outcome", "failed");
        json.WriteString("message", message);
        json.WriteString("subject", result.Name);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
