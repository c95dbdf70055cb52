using System.Text.Json;
using System.Text.Json.Nodes;
using Verifier.Core.OpenBadges2.Model;

namespace Verifier.Core.Input;

/// <summary>
/// The one JSON access layer of the engine, over both trees it reads: <see cref="JsonElement"/> (OB 3.0, proofs,
/// keys, registries) and <see cref="JsonNode"/> (OB 2.0, whose legacy upgrade rewrites documents in place). One rule
/// for both: fail closed on shape — a member that is absent, not of the asked kind, or read from something that is not
/// an object is null (or an empty list), never an exception, never a string made from a number or a list.
/// </summary>
internal static class JsonRead
{
    /// <summary>The member's value when <paramref name="obj"/> is an object and the member is a JSON string; else null.</summary>
    public static string? String(JsonElement? obj, string name) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A member that is one value or an array of them, as a list of its elements (empty when absent).</summary>
    public static IReadOnlyList<JsonElement> Items(JsonElement? obj, string name) =>
        obj is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(name, out var v) ? []
        : v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : [v];

    /// <summary>A string or array-of-strings member as a list, non-strings skipped (JSON-LD allows both for type and @context).</summary>
    public static IReadOnlyList<string> Strings(JsonElement? obj, string name)
    {
        if (obj is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(name, out var v))
        {
            return [];
        }

        switch (v.ValueKind)
        {
            case JsonValueKind.String:
                return [v.GetString()!];
            case JsonValueKind.Array:
                // A loop, not LINQ: type and @context are read for every credential and every endorsement.
                var list = new List<string>(v.GetArrayLength());
                foreach (var e in v.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.String)
                    {
                        list.Add(e.GetString()!);
                    }
                }

                return list;
            default:
                return [];
        }
    }

    // The OB 2.0 tree (JsonNode): value shapes of the OB 2.0 model ("@id: X", single or multiple values).

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
