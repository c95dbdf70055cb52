using System.Buffers;
using System.Text.Json;
using Verifier.Core.Batch;

namespace Verifier.Storage.Jobs;

/// <summary>
/// Rewrites a posted manifest (JSON array or NDJSON) as NDJSON, one item per line, and cuts it into batches by byte
/// range, so that a queue message can name its items without carrying them and a worker reads only its slice. Items
/// are not interpreted here: a line that is not a valid item becomes that item's error line when its batch runs.
/// </summary>
internal static class ManifestNormalizer
{
    public sealed record Slice(int Batch, int First, long Offset, int Length);

    public sealed record Result(byte[] Manifest, int Items, IReadOnlyList<Slice> Batches, BatchItemError? Problem, bool TooLarge);

    public static Result Normalize(ReadOnlyMemory<byte> body, int maxItems, int batchSize)
    {
        var text = body.Span.Trim(" \t\r\n"u8);
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..].Trim(" \t\r\n"u8);
        }

        if (text.IsEmpty)
        {
            return Refuse("empty-batch", "the manifest holds no items: send a JSON array of items or one item per line (NDJSON)");
        }

        var output = new ArrayBufferWriter<byte>(Math.Max(256, text.Length + 1024));
        var ends = new List<int>();
        if (text[0] == (byte)'[')
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body[body.Span.IndexOf((byte)'[')..], new JsonDocumentOptions { MaxDepth = 256 });
            }
            catch (JsonException e)
            {
                return Refuse("bad-batch", $"the manifest is not a JSON array ({e.Message})");
            }

            using (doc)
            {
                var count = doc.RootElement.GetArrayLength();
                if (count > maxItems)
                {
                    return TooMany(count, maxItems);
                }

                foreach (var element in doc.RootElement.EnumerateArray())
                {
                    using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
                    {
                        element.WriteTo(writer); // compact: one line whatever the posted indentation
                    }

                    output.Write("\n"u8);
                    ends.Add(output.WrittenCount);
                }
            }
        }
        else
        {
            foreach (var range in text.Split((byte)'\n'))
            {
                var line = text[range].Trim(" \t\r"u8);
                if (line.IsEmpty)
                {
                    continue;
                }

                if (ends.Count == maxItems)
                {
                    return TooMany(maxItems + 1, maxItems);
                }

                output.Write(line);
                output.Write("\n"u8);
                ends.Add(output.WrittenCount);
            }
        }

        if (ends.Count == 0)
        {
            return Refuse("empty-batch", "the manifest's array is empty");
        }

        var batches = new List<Slice>();
        for (var first = 0; first < ends.Count; first += batchSize)
        {
            var start = first == 0 ? 0 : ends[first - 1];
            var last = Math.Min(first + batchSize, ends.Count) - 1;
            batches.Add(new Slice(batches.Count, first, start, ends[last] - start));
        }

        return new Result(output.WrittenSpan.ToArray(), ends.Count, batches, null, false);
    }

    private static Result TooMany(int count, int max) =>
        new([], 0, [], new BatchItemError("batch-too-large", $"the manifest has {(count > max ? "more than " + max : count.ToString(System.Globalization.CultureInfo.InvariantCulture))} items; a job holds at most {max}"), true);

    private static Result Refuse(string code, string detail) => new([], 0, [], new BatchItemError(code, detail), false);
}
