using System.Text.Json;

namespace Verifier.LinkedData.Contexts;

/// <summary>Parsing of context documents with the bounds every loader applies.</summary>
public static class ContextDocuments
{
    /// <summary>Context documents larger than this are refused (the largest published ones are ~60 KB).</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Parses UTF-8 JSON into a document whose root stays valid for the life of the process (never disposed).</summary>
    public static ContextLoadResult Parse(string url, ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length > MaxBytes)
        {
            return ContextLoadResult.Fail("loading remote context failed", $"context {url} is larger than {MaxBytes} bytes");
        }

        try
        {
            // Deliberately not disposed: loaded contexts are cached for the process lifetime.
            var doc = JsonDocument.Parse(utf8, Options);
            return ContextLoadResult.Ok(new ContextDocument(url, doc.RootElement));
        }
        catch (JsonException e)
        {
            return ContextLoadResult.Fail("loading remote context failed", $"context {url} is not JSON: {e.Message}");
        }
    }
}
