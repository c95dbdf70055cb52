using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Verifier.Core.Reporting;

/// <summary>
/// The one JSON shape of a report, shared by the HTTP hosts and the CLI. Metadata comes from the source-generated
/// <see cref="ReportJsonContext"/>, so serializing a report needs no reflection (obverify is published as Native
/// AOT); a test holds the output byte for byte to what the reflection serializer writes with the same options.
/// </summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The report's metadata under <see cref="Options"/>.</summary>
    public static JsonTypeInfo<VerificationReport> TypeInfo { get; } = (JsonTypeInfo<VerificationReport>)Options.GetTypeInfo(typeof(VerificationReport));

    /// <summary>
    /// The source-generated context's own metadata (its options carry no encoder), for a caller that writes into a
    /// <see cref="Utf8JsonWriter"/> with the relaxed encoder itself: System.Text.Json runs the generated serialization
    /// code only for options the context recognizes as its own, which <see cref="Options"/> is not.
    /// </summary>
    public static JsonTypeInfo<VerificationReport> GeneratedTypeInfo => ReportJsonContext.Default.VerificationReport;

    public static string Serialize(VerificationReport report) => JsonSerializer.Serialize(report, TypeInfo);

    /// <summary>Writes one report into a writer that is building a larger document (the CLI's list of results).</summary>
    public static void Write(Utf8JsonWriter writer, VerificationReport report) => JsonSerializer.Serialize(writer, report, TypeInfo);

    /// <summary>
    /// Web defaults (camelCase), indented, nulls written (a missing member and a null one mean different things to
    /// clients of a report), and non-ASCII text left readable. The encoder cannot be set on a source-generated
    /// context, so the options carry it and take their metadata from the context.
    /// </summary>
    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = ReportJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Source-generated metadata of the report and everything it holds (nested reports included).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(VerificationReport))]
[JsonSerializable(typeof(List<VerificationReport>))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
