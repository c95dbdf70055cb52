using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verifier.Core.OpenBadges2.Model;

/// <summary>
/// Builds a <see cref="JsonNode"/> tree with string-backed values in one pass of <see cref="Utf8JsonReader"/>.
/// Unlike <c>JsonNode.Parse</c>, values are decoded once (not on every read), containers are materialized up front
/// (so a tree can be shared read-only), and a duplicate property name makes the document invalid instead of
/// throwing later: two readers must never see two different values for one property.
/// </summary>
internal static class JsonTreeReader
{
    private const int MaxDepth = 64;

    public static JsonObject? ParseObject(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        // Found by fuzzing: strings are transcoded when read, and invalid UTF-8 (RFC 8259 §8.1) throws there.
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var root = ReadObject(ref reader);
            return root is not null && !reader.Read() ? root : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonObject? ParseObject(string text) => ParseObject(Encoding.UTF8.GetBytes(text));

    private static JsonObject? ReadObject(ref Utf8JsonReader reader)
    {
        var obj = new JsonObject();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!TryReadValue(ref reader, out var value) || !obj.TryAdd(name, value))
            {
                return null;
            }
        }

        return obj;
    }

    private static bool TryReadValue(ref Utf8JsonReader reader, out JsonNode? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                value = ReadObject(ref reader);
                return value is not null;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!TryReadValue(ref reader, out var item))
                    {
                        value = null;
                        return false;
                    }

                    array.Add(item);
                }

                value = array;
                return true;
            case JsonTokenType.String:
                value = JsonValue.Create(reader.GetString()!);
                return true;
            case JsonTokenType.True:
                value = JsonValue.Create(true);
                return true;
            case JsonTokenType.False:
                value = JsonValue.Create(false);
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            case JsonTokenType.Number:
                // Kept as its JSON text so 1.x Unix timestamps and any precision survive unchanged.
                using (var number = JsonDocument.ParseValue(ref reader))
                {
                    value = JsonValue.Create(number.RootElement.Clone());
                }

                return true;
            default:
                value = null;
                return false;
        }
    }
}
