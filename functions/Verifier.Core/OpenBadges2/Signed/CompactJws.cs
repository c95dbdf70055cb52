using System.Buffers.Text;
using System.Text.Json;

namespace Verifier.Core.OpenBadges2.Signed;

/// <summary>A parsed compact JWS (RFC 7515 §7.1): header fields, decoded payload, signing input and signature.</summary>
internal sealed class CompactJws
{
    /// <summary>Larger inputs are refused before any decoding (a signed assertion is a few KB).</summary>
    public const int MaxLength = 2 * 1024 * 1024;

    private CompactJws(string text, int signingInputLength, string? algorithm, string? keyId, byte[] payload, byte[] signature, bool hasCrit, string? headerRefusal)
    {
        Text = text;
        SigningInputLength = signingInputLength;
        Algorithm = algorithm;
        KeyId = keyId;
        Payload = payload;
        Signature = signature;
        HasCriticalHeader = hasCrit;
        HeaderRefusal = headerRefusal;
    }

    public string Text { get; }

    /// <summary>Length of "header.payload", the ASCII bytes the signature covers.</summary>
    public int SigningInputLength { get; }

    public string? Algorithm { get; }

    public string? KeyId { get; }

    public bool HasCriticalHeader { get; }

    /// <summary>
    /// Why the header makes this JWS unusable as a signed assertion (crit, b64 other than true, or a typ naming
    /// another kind of token: see <see cref="Crypto.JoseHeaderRules"/>), or null.
    /// </summary>
    public string? HeaderRefusal { get; }

    public byte[] Payload { get; }

    public byte[] Signature { get; }

    /// <summary>Parses without verifying; null with a reason when the text is not a well-formed compact JWS.</summary>
    public static CompactJws? TryParse(string text, out string? error)
    {
        error = null;
        if (text.Length > MaxLength)
        {
            error = $"the JWS is longer than {MaxLength} characters";
            return null;
        }

        var first = text.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : text.IndexOf('.', first + 1);
        if (first <= 0 || second < 0 || text.IndexOf('.', second + 1) >= 0)
        {
            error = "a compact JWS has exactly three dot-separated parts";
            return null;
        }

        try
        {
            var header = Base64Url.DecodeFromChars(text.AsSpan(0, first));
            var payload = Base64Url.DecodeFromChars(text.AsSpan(first + 1, second - first - 1));
            var signature = Base64Url.DecodeFromChars(text.AsSpan(second + 1));
            // Found by fuzzing: invalid UTF-8 threw on GetString. RFC 7515 §4: header names MUST be unique.
            if (!System.Text.Unicode.Utf8.IsValid(header) || !System.Text.Unicode.Utf8.IsValid(payload))
            {
                error = "the JWS header or payload is not UTF-8 text (RFC 7515 §7.1, RFC 8259 §8.1)";
                return null;
            }

            using var doc = JsonDocument.Parse(header, new JsonDocumentOptions { MaxDepth = 8, AllowDuplicateProperties = false });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "the JWS header is not a JSON object";
                return null;
            }

            var alg = doc.RootElement.TryGetProperty("alg", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            var kid = doc.RootElement.TryGetProperty("kid", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            var crit = doc.RootElement.TryGetProperty("crit", out _);
            var refusal = Crypto.JoseHeaderRules.Refusal(doc.RootElement, Crypto.JoseHeaderRules.Ob2Typ, "a signed Open Badges assertion");
            return new CompactJws(text, second, alg, kid, payload, signature, crit, refusal);
        }
        catch (FormatException)
        {
            error = "a JWS part is not valid base64url";
            return null;
        }
        catch (JsonException)
        {
            error = "the JWS header is not valid JSON";
            return null;
        }
    }
}
