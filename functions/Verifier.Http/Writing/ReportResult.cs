using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Verifier.Core.Reporting;

namespace Verifier.Http.Writing;

/// <summary>
/// A 200 report, serialized into a pooled buffer and written with its Content-Length in one write: no chunked framing,
/// no asynchronous serializer state per request. The JSON shape is <see cref="ReportJson.Options"/>, compact.
/// </summary>
internal sealed class ReportResult(VerificationReport report) : IResult
{
    /// <summary>The report's one JSON shape, without indentation: clients are programs.</summary>
    public static JsonSerializerOptions Compact { get; } = new(ReportJson.Options) { WriteIndented = false };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var buffer = new PooledBufferWriter();
        Serialize(report, buffer);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// The context's own metadata, whose options carry no encoder: System.Text.Json runs the generated serialization
    /// code only for options the context recognizes as its own, and <see cref="Compact"/> (with its relaxed encoder)
    /// is not. Into a writer the output is the same bytes either way: the writer, which has the relaxed encoder and no
    /// indentation, writes every string, and the property names are plain ASCII (ReportResultTests holds it to the
    /// reflection serializer's output).
    /// </summary>
    private static readonly JsonTypeInfo<VerificationReport> Generated = ReportJson.GeneratedTypeInfo;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Compact.Encoder, Indented = false, SkipValidation = true };

    /// <summary>Appends the compact report to <paramref name="buffer"/>.</summary>
    public static void Serialize(VerificationReport report, PooledBufferWriter buffer)
    {
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        JsonSerializer.Serialize(writer, report, Generated);
    }
}
