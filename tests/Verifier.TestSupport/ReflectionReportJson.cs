using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Verifier.TestSupport;

/// <summary>
/// The reflection serializer with the options reports go out with (web names, every member written, the relaxed
/// encoder): the reference the generated serialization code must match byte for byte, in the engine (ReportJson)
/// and in the host's writer (ReportResult).
/// </summary>
public static class ReflectionReportJson
{
    public static JsonSerializerOptions Options(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
