using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verifier.Core.OpenBadges2.Model;

/// <summary>Small readers over <see cref="JsonObject"/> for the OB 2.0 value shapes ("@id: X", multiple values).</summary>
internal static class JsonAccess
{
    /// <summary>Parses a JSON object; null when the text is not one (or repeats a property name).</summary>
    public static JsonObject? ParseObject(ReadOnlySpan<byte> utf8) => JsonTreeReader.ParseObject(utf8);

    public static JsonObject? ParseObject(string text) => JsonTreeReader.ParseObject(text);

    /// <summary>The property's value when it is a JSON string.</summary>
    public static string? String(JsonObject? node, string name) =>
        node?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool? Boolean(JsonObject? node, string name) => node?[name] is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        }
        : null;

    /// <summary>An "@id" reference: the string itself, or the <c>id</c> of an embedded object.</summary>
    public static string? IdOf(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonObject o => String(o, "id"),
        _ => null,
    };

    /// <summary>A property that allows multiple values, as a list (a single value becomes a list of one).</summary>
    public static IReadOnlyList<JsonNode?> Many(JsonNode? value) => value switch
    {
        null => [],
        JsonArray a => [.. a],
        _ => [value],
    };

    /// <summary>String values of a single-or-list property, ignoring non-strings.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? value)
    {
        var list = new List<string>();
        foreach (var item in Many(value))
        {
            if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                list.Add(v.GetValue<string>());
            }
        }

        return list;
    }

    /// <summary>True when the JSON-LD <c>type</c> (string or list) contains one of the names.</summary>
    public static bool HasType(JsonObject? node, params ReadOnlySpan<string> names)
    {
        foreach (var type in Strings(node?["type"]))
        {
            foreach (var name in names)
            {
                if (string.Equals(type, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsString(JsonNode? value) => value is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    public static JsonValueKind Kind(JsonNode? value) => value?.GetValueKind() ?? JsonValueKind.Null;

    public static bool IsHttpUrl(string? value) => IriSyntax.IsHttpUrl(value);
}
