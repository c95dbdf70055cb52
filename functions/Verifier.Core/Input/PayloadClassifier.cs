using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Verifier.Core.Trust;

namespace Verifier.Core.Input;

/// <summary>Tells JSON from JWS from URL text, and OB 2.0-family documents from OB 3.0 credentials.</summary>
internal static class PayloadClassifier
{
    // Vectorized scan: a baked JWS is a few KB and is classified on every verification.
    private static readonly System.Buffers.SearchValues<char> Base64UrlOrDot =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    /// <summary>Classifies trimmed text; null when it is none of JSON, compact JWS or an http(s) URL.</summary>
    public static PayloadKind? KindOf(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.Length == 0)
        {
            return null;
        }

        if (t[0] == '{')
        {
            return PayloadKind.Json;
        }

        if (LooksLikeCompactJws(t))
        {
            return PayloadKind.Jws;
        }

        return WebIdentity.HttpUrl(t.ToString()) is not null
            ? PayloadKind.Url
            : null;
    }

    /// <summary>Three base64url segments separated by dots, the first decoding to a JSON object.</summary>
    public static bool LooksLikeCompactJws(ReadOnlySpan<char> t)
    {
        var first = t.IndexOf('.');
        if (first <= 0)
        {
            return false;
        }

        var rest = t[(first + 1)..];
        var second = rest.IndexOf('.');
        if (second < 0 || rest[(second + 1)..].Contains('.'))
        {
            return false;
        }

        if (t.ContainsAnyExcept(Base64UrlOrDot))
        {
            return false;
        }

        // A JOSE header always starts with '{' which base64url-encodes to "ey".
        return t.StartsWith("ey", StringComparison.Ordinal);
    }

    /// <summary>Decides the family of a JSON document from its @context and type.</summary>
    public static BadgeFamily FamilyOfJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return BadgeFamily.Unknown;
        }

        if (root.TryGetProperty("vc", out var vc) && vc.ValueKind == JsonValueKind.Object)
        {
            return BadgeFamily.OpenBadges3;
        }

        if (root.TryGetProperty("@context", out var ctx) && MentionsCredentials(ctx))
        {
            return BadgeFamily.OpenBadges3;
        }

        if (root.TryGetProperty("type", out var type) && Contains(type, "VerifiableCredential"))
        {
            return BadgeFamily.OpenBadges3;
        }

        return BadgeFamily.OpenBadges2;
    }

    /// <summary>Decides the family of a compact JWS from its payload (null when the payload is not JSON).</summary>
    public static BadgeFamily FamilyOfJws(string jws)
    {
        var parts = jws.Trim().Split('.');
        if (parts.Length != 3)
        {
            return BadgeFamily.Unknown;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(parts[1]);
            using var doc = JsonDocument.Parse(bytes);
            return FamilyOfJson(doc.RootElement);
        }
        catch (FormatException)
        {
            return BadgeFamily.Unknown;
        }
        catch (JsonException)
        {
            return BadgeFamily.Unknown;
        }
        catch (InvalidOperationException)
        {
            // Found by fuzzing: JsonDocument defers UTF-8 validation of string values, and GetString throws on a
            // payload that decodes to invalid UTF-8 (RFC 8259 §8.1 requires UTF-8): not a recognisable badge.
            return BadgeFamily.Unknown;
        }
    }

    /// <summary>
    /// <see cref="FamilyOfJws(string)"/>, and the payload decoded and parsed exactly as <c>VcJwtVerifier</c> decodes it
    /// (IdentityModel base64url, valid UTF-8, no duplicate names), so the OB 3.0 verifier does not decode and parse it
    /// a second time. The document is null whenever that strict reading fails (the family is then decided the old way),
    /// and for every payload that is not OB 3.0, since no other verifier reads it.
    /// </summary>
    internal static BadgeFamily FamilyOfJws(string jws, out JsonDocument? payload)
    {
        payload = null;
        var t = jws.AsSpan().Trim();
        var first = t.IndexOf('.');
        var second = first < 0 ? -1 : t[(first + 1)..].IndexOf('.');
        if (second < 0 || t[(first + second + 2)..].Contains('.'))
        {
            return BadgeFamily.Unknown;
        }

        var segment = t.Slice(first + 1, second);
        byte[]? strict;
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(segment.Length));
        try
        {
            // Into a buffer of the maximal length TryDecode fails (or throws) only where DecodeFromChars throws FormatException.
            if (!TryDecode(segment, rented, out var written))
            {
                return BadgeFamily.Unknown;
            }

            // Every branch below answers the family of these bytes as FamilyOfPayload reads them (the strict reading
            // only decides whether a document is handed on), and only the OB 3.0 verifier takes that document: a signed
            // OB 2.0 assertion, classified on every verification, skips the second decoder and the strict parse.
            var bytes = rented.AsMemory(0, written);
            var family = FamilyOfPayload(bytes);
            if (family != BadgeFamily.OpenBadges3)
            {
                return family;
            }

            // Both decoders must agree on the bytes, or the verifier would read a different payload than was classified.
            strict = StrictDecode(segment.ToString());
            if (strict is null || !strict.AsSpan().SequenceEqual(bytes.Span))
            {
                return family;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        try
        {
            payload = JsonDocument.Parse(strict, StrictJws);
        }
        catch (JsonException)
        {
            // Duplicate names: still classified as before; the verifier refuses them itself.
            return FamilyOfPayload(strict);
        }

        try
        {
            return FamilyOfJson(payload.RootElement);
        }
        catch (InvalidOperationException)
        {
            payload.Dispose();
            payload = null;
            return BadgeFamily.Unknown;
        }
    }

    private static bool TryDecode(ReadOnlySpan<char> segment, byte[] destination, out int written)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(segment, destination, out written);
        }
        catch (FormatException)
        {
            written = 0;
            return false;
        }
    }

    private static readonly JsonDocumentOptions StrictJws = new() { AllowDuplicateProperties = false };

    private static byte[]? StrictDecode(string segment)
    {
        try
        {
            var bytes = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(segment);
            return System.Text.Unicode.Utf8.IsValid(bytes) ? bytes : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static BadgeFamily FamilyOfPayload(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            return FamilyOfJson(doc.RootElement);
        }
        catch (JsonException)
        {
            return BadgeFamily.Unknown;
        }
        catch (InvalidOperationException)
        {
            return BadgeFamily.Unknown;
        }
    }

    public static BadgeFamily FamilyOfJsonText(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            return FamilyOfJson(document.RootElement);
        }
        catch (JsonException)
        {
            return BadgeFamily.Unknown;
        }
        catch (InvalidOperationException)
        {
            return BadgeFamily.Unknown;
        }
    }

    /// <summary>
    /// <see cref="FamilyOfJsonText(string)"/>, handing on the document parsed as the OB 3.0 verifier reads it
    /// (<see cref="StrictJson"/>: no duplicate names). Null when that fails; text with duplicate names is still
    /// classified, so the verifier of its family refuses it with a reason.
    /// </summary>
    internal static BadgeFamily FamilyOfJsonText(string json, out JsonDocument? document)
    {
        document = null;
        try
        {
            document = JsonDocument.Parse(json, StrictJson.Options);
            return FamilyOfJson(document.RootElement);
        }
        catch (JsonException)
        {
            return FamilyOfJsonText(json);
        }
        catch (InvalidOperationException)
        {
            document?.Dispose();
            document = null;
            return BadgeFamily.Unknown;
        }
    }

    private static bool MentionsCredentials(JsonElement ctx) => ctx.ValueKind switch
    {
        JsonValueKind.String => IsCredentialContext(ctx.GetString()),
        JsonValueKind.Array => ctx.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && IsCredentialContext(e.GetString())),
        _ => false,
    };

    private static bool IsCredentialContext(string? url) => url is not null
        && (url.StartsWith("https://www.w3.org/2018/credentials", StringComparison.Ordinal)
            || url.StartsWith("https://www.w3.org/ns/credentials", StringComparison.Ordinal)
            || url.StartsWith("https://purl.imsglobal.org/spec/ob/v3p0", StringComparison.Ordinal)
            || url.StartsWith("https://purl.imsglobal.org/spec/clr/v2p0", StringComparison.Ordinal));

    private static bool Contains(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.String => value.ValueEquals(name),
        JsonValueKind.Array => value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.ValueEquals(name)),
        _ => false,
    };

    internal static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
