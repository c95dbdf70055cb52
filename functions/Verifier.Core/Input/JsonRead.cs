using System.Text.Json;

namespace Verifier.Core.Input;

/// <summary>
/// The one reader of string members from a <see cref="JsonElement"/> (the OB 2.0 <c>JsonNode</c> tree has its own in
/// <c>OpenBadges2.Model.JsonAccess</c>). Fail closed on shape: a member that is absent, not a string, or read from
/// something that is not an object is null — never an exception, never a string made from a number or a list.
/// </summary>
internal static class JsonRead
{
    /// <summary>The member's value when <paramref name="obj"/> is an object and the member is a JSON string; else null.</summary>
    public static string? String(JsonElement? obj, string name) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

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
}
