using System.Text.Json;

namespace Verifier.Core.Input;

/// <summary>
/// How every credential the OB 3.0 verifier reads is parsed: duplicate member names refused (.NET 10
/// <c>AllowDuplicateProperties = false</c>). With <c>{"validUntil": "2020…", "validUntil": "2099…"}</c> the JSON-LD
/// processor and the checks could each read a different one (RFC 8259 §4 leaves it open; I-JSON, RFC 7493 §2.3, and
/// JCS forbid it), so such a document is refused, as a result, before anything reads it.
/// </summary>
internal static class StrictJson
{
    public static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    /// <summary>The document, or null with a sentence saying why (duplicate names, or not JSON at all).</summary>
    public static JsonDocument? Parse(string text, out string? error)
    {
        error = null;
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            error = HasDuplicateNames(text)
                ? "it names a member twice in one object (duplicate JSON member names are refused: readers disagree on which one counts)"
                : $"it is not valid JSON ({e.Message})";
            return null;
        }
    }

    /// <summary>True when the text parses leniently but not strictly: the only difference is duplicate names.</summary>
    public static bool HasDuplicateNames(string text)
    {
        try
        {
            using var lenient = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
