using System.Text.Json;

namespace Verifier.Core.Batch;

/// <summary>
/// A batch or job manifest: a JSON array of items, or NDJSON (one item per line; blank lines are skipped). The count is
/// checked before any item is read. A malformed array refuses the whole manifest; a malformed NDJSON line is that
/// item's error, so one bad line never costs the others their results.
/// </summary>
public sealed class BatchManifest
{
    public IReadOnlyList<BatchItem> Items { get; private init; } = [];

    /// <summary>Why the manifest as a whole is refused (code, detail), or null.</summary>
    public BatchItemError? Problem { get; private init; }

    /// <summary>True when the problem is the item count (answer 413 rather than 400).</summary>
    public bool TooMany { get; private init; }

    /// <param name="ndjson">True when the caller said NDJSON (its media type): lines, even one that starts with '['; false: sniffed by the first character.</param>
    public static BatchManifest Parse(ReadOnlyMemory<byte> body, int maxItems, long maxItemBytes, bool ndjson = false)
    {
        var span = body.Span;
        var start = 0;
        while (start < span.Length && (span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' || (start == 0 && span.StartsWith("\uFEFF"u8))))
        {
            start += span[start] == 0xEF ? 3 : 1;
        }

        if (start == span.Length)
        {
            return Refuse("empty-batch", "the manifest holds no items: send a JSON array of items or one item per line (NDJSON)");
        }

        return span[start] == (byte)'[' && !ndjson ? FromArray(body[start..], maxItems, maxItemBytes) : FromLines(body[start..], maxItems, maxItemBytes);
    }

    /// <summary>NDJSON only, whatever the first line looks like: a job's slice of its normalized manifest.</summary>
    public static BatchManifest ParseLines(ReadOnlyMemory<byte> body, int maxItems, long maxItemBytes) => FromLines(body, maxItems, maxItemBytes);

    private static BatchManifest FromArray(ReadOnlyMemory<byte> body, int maxItems, long maxItemBytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return Refuse("bad-batch", $"the manifest is not a JSON array ({e.Message})");
        }

        using (document)
        {
            var count = document.RootElement.GetArrayLength();
            if (count > maxItems)
            {
                return TooLarge(count, maxItems);
            }

            var items = new List<BatchItem>(count);
            foreach (var element in document.RootElement.EnumerateArray())
            {
                items.Add(BatchItemReader.Read(element, items.Count, maxItemBytes));
            }

            return items.Count == 0 ? Refuse("empty-batch", "the manifest's array is empty") : new BatchManifest { Items = items };
        }
    }

    private static BatchManifest FromLines(ReadOnlyMemory<byte> body, int maxItems, long maxItemBytes)
    {
        var lines = new List<ReadOnlyMemory<byte>>();
        var rest = body;
        while (!rest.IsEmpty)
        {
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? ReadOnlyMemory<byte>.Empty : rest[(end + 1)..];
            if (!line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                lines.Add(line);
                if (lines.Count > maxItems)
                {
                    return TooLarge(lines.Count + CountLines(rest), maxItems);
                }
            }
        }

        var items = new List<BatchItem>(lines.Count);
        foreach (var line in lines)
        {
            try
            {
                using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 256 });
                items.Add(BatchItemReader.Read(document.RootElement, items.Count, maxItemBytes));
            }
            catch (JsonException e)
            {
                items.Add(new BatchItem(items.Count, null, null, null, new BatchItemError("bad-item", $"line {items.Count + 1} is not JSON ({e.Message})")));
            }
        }

        return new BatchManifest { Items = items };
    }

    private static int CountLines(ReadOnlyMemory<byte> rest)
    {
        var count = 0;
        foreach (var range in rest.Span.Split((byte)'\n'))
        {
            count += rest.Span[range].Trim(" \t\r"u8).IsEmpty ? 0 : 1;
        }

        return count;
    }

    private static BatchManifest TooLarge(int count, int max) => new()
    {
        TooMany = true,
        Problem = new BatchItemError("batch-too-large", $"the manifest has {count} items; at most {max} are accepted in one request"),
    };

    private static BatchManifest Refuse(string code, string detail) => new() { Problem = new BatchItemError(code, detail) };
}
