using System.Text.Json;
using Verifier.Core.Reporting;

namespace Verifier.Cli;

/// <summary>
/// SARIF 2.1.0 (OASIS) for code-scanning tools: one run, one rule per check id that failed, one result per failed
/// check located at the input. Unreadable inputs are tool execution notifications, not results.
/// </summary>
internal static class SarifWriter
{
    public const string Version = "2.1.0";

    public static async Task WriteAsync(IReadOnlyList<VerifiedInput> results, TextWriter output)
    {
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", Version);
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, results);
            WriteInvocation(json, results);
            WriteResults(json, results);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
    }

    private static IEnumerable<(VerifiedInput Input, CheckResult Check)> Failed(IReadOnlyList<VerifiedInput> results) =>
        results.Where(r => r.Report is not null)
            .SelectMany(r => r.Report!.Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => (r, c)));

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<VerifiedInput> results)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "obverify");
        json.WriteString("version", typeof(SarifWriter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
        json.WriteStartArray("rules");
        var ids = Failed(results).Select(f => f.Check.Id);
        if (results.Any(r => r.Report is null))
        {
            ids = ids.Append(ReportWriters.ReadCheckId);
        }

        foreach (var id in ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", $"Open Badges check {id}");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter json, IReadOnlyList<VerifiedInput> results)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", results.All(r => r.Report is not null));
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var unreadable in results.Where(r => r.Report is null))
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", $"{unreadable.Name}: {unreadable.Error}");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResults(Utf8JsonWriter json, IReadOnlyList<VerifiedInput> results)
    {
        json.WriteStartArray("results");
        foreach (var unreadable in results.Where(r => r.Report is null))
        {
            // Also a result, not only a notification: code-scanning views list results, and a lost input must show.
            json.WriteStartObject();
            json.WriteString("ruleId", ReportWriters.ReadCheckId);
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", $"{unreadable.Name}: {unreadable.Error}");
            json.WriteEndObject();
            WriteLocation(json, unreadable.Name);
            json.WriteStartObject("properties");
            json.WriteString("outcome", ReportWriters.ErrorOutcome);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        foreach (var (input, check) in Failed(results))
        {
            json.WriteStartObject();
            json.WriteString("ruleId", check.Id);
            // A check that could not finish (network, timeout) says nothing bad about the badge: a warning, not an error.
            json.WriteString("level", check.Indeterminate ? "warning" : "error");
            json.WriteStartObject("message");
            json.WriteString("text", check.Message);
            json.WriteEndObject();
            WriteLocation(json, input.Name);
            json.WriteStartObject("properties");
            json.WriteString("outcome", input.Report!.Outcome.ToString().ToLowerInvariant());
            json.WriteBoolean("indeterminate", check.Indeterminate);
            if (check.Subject is not null)
            {
                json.WriteString("subject", check.Subject);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteLocation(Utf8JsonWriter json, string name)
    {
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", name);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
