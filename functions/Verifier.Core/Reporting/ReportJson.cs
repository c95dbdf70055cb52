using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verifier.Core.Reporting;

/// <summary>The one JSON shape of a report, shared by the HTTP hosts and the CLI.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(VerificationReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Writes one report into a writer that is building a larger document (the CLI's list of results).</summary>
    public static void Write(Utf8JsonWriter writer, VerificationReport report) => JsonSerializer.Serialize(writer, report, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
