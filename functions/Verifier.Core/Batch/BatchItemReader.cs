using System.Text.Json;
using Verifier.Core.Input;
using Verifier.Core.Trust;

namespace Verifier.Core.Batch;

/// <summary>
/// Reads one manifest item: an object with exactly one of <c>url</c>, <c>json</c> (an object, or its text), <c>jws</c>
/// (a compact JWS or VC-JWT), <c>image</c> (a baked PNG or SVG, base64), or <c>input</c> (URL, JSON or JWS text, sniffed
/// like a POSTed body); optional <c>name</c> (echoed on the result line) and <c>recipient</c>.
/// </summary>
internal static class BatchItemReader
{
    /// <summary>Names are echoed on result lines and in job listings; longer ones are cut.</summary>
    public const int MaxNameChars = 256;

    private const int MaxRecipientChars = 512;

    private static readonly string[] Kinds = ["url", "json", "jws", "image", "input"];

    public static BatchItem Read(JsonElement element, int index, long maxItemBytes)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Fail(index, null, "bad-item", "an item must be a JSON object such as {\"name\": \"a.png\", \"image\": \"<base64>\"}");
        }

        var name = JsonRead.String(element, "name") is { } n ? (n.Length > MaxNameChars ? n[..MaxNameChars] : n) : null;
        var recipient = JsonRead.String(element, "recipient")?.Trim();
        if (recipient is { Length: > MaxRecipientChars })
        {
            return Fail(index, name, "bad-parameter", $"'recipient' is longer than {MaxRecipientChars} characters");
        }

        var present = Kinds.Where(k => element.TryGetProperty(k, out var v) && v.ValueKind != JsonValueKind.Null).ToList();
        if (present.Count != 1)
        {
            return Fail(index, name, "nothing-verifiable", present.Count == 0
                ? "the item has none of url, json, jws, image or input"
                : $"the item has {string.Join(" and ", present)}: give exactly one");
        }

        var value = element.GetProperty(present[0]);
        var (input, error) = present[0] switch
        {
            "json" => value.ValueKind == JsonValueKind.Object ? (VerificationInput.FromText(value.GetRawText()), null) : TextInput(value, "json"),
            "url" => Url(value),
            "image" => Image(value, maxItemBytes),
            _ => TextInput(value, present[0]),
        };
        return error is not null
            ? Fail(index, name, "nothing-verifiable", error)
            : new BatchItem(index, name, input, string.IsNullOrEmpty(recipient) ? null : recipient, null);
    }

    private static (VerificationInput?, string?) TextInput(JsonElement value, string kind) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text
            ? (VerificationInput.FromText(text), null)
            : (null, $"'{kind}' must be a non-empty string");

    private static (VerificationInput?, string?) Url(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && WebIdentity.HttpUrl(value.GetString()!.Trim()) is { } url
            ? (VerificationInput.FromUrl(url), null)
            : (null, "'url' must be an absolute http(s) URL");

    private static (VerificationInput?, string?) Image(JsonElement value, long maxItemBytes)
    {
        if (value.ValueKind != JsonValueKind.String || !value.TryGetBytesFromBase64(out var bytes))
        {
            return (null, "'image' must be the image's bytes in base64");
        }

        if (bytes.Length == 0)
        {
            return (null, "'image' is empty");
        }

        return bytes.Length > maxItemBytes
            ? (null, $"the image is larger than {maxItemBytes} bytes")
            : (VerificationInput.FromBytes(bytes), null);
    }

    private static BatchItem Fail(int index, string? name, string code, string detail) =>
        new(index, name, null, null, new BatchItemError(code, detail));
}
