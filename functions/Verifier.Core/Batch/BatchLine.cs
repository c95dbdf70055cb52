using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Verifier.Core.Reporting;

namespace Verifier.Core.Batch;

/// <summary>
/// One NDJSON result line: <c>{"index":3,"name":"a.png","outcome":"valid","report":{…}}</c>, or for an item with
/// nothing verifiable <c>{"index":4,"name":"b","outcome":"error","error":{"code":"…","detail":"…"}}</c>, then a
/// line feed. The same line in the batch endpoint's answer and in a job's result blobs.
/// </summary>
public static class BatchLine
{
    public static void Write(IBufferWriter<byte> output, BatchResult result, JsonSerializerOptions reportOptions)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(reportOptions);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = reportOptions.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", result.Index);
            if (result.Name is null)
            {
                writer.WriteNull("name");
            }
            else
            {
                writer.WriteString("name", result.Name);
            }

            writer.WriteString("outcome", result.Outcome);
            if (result.Report is not null)
            {
                writer.WritePropertyName("report");
                // The options' own metadata (the report's source-generated context): no reflection, Native AOT safe.
                JsonSerializer.Serialize(writer, result.Report, (JsonTypeInfo<VerificationReport>)reportOptions.GetTypeInfo(typeof(VerificationReport)));
            }
            else
            {
                writer.WriteStartObject("error");
                writer.WriteString("code", result.Error?.Code ?? "error");
                writer.WriteString("detail", result.Error?.Detail ?? "the item could not be verified");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        output.Write("\n"u8);
    }
}
