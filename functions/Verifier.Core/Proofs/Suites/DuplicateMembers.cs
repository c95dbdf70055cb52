using System.Text.Json;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// Finds a member name used twice in one object. JCS (RFC 8785 §3.1) is defined for I-JSON (RFC 7493 §2.3: names
/// MUST be unique): with a duplicate, the signed text holds both values while a JSON reader keeps one of them.
/// </summary>
internal static class DuplicateMembers
{
    public static string? FirstPath(JsonElement element) => Find(element, "$", 0);

    private static string? Find(JsonElement element, string path, int depth)
    {
        if (depth > 64)
        {
            return null; // the parsers bound depth long before this; this only keeps the walk finite
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in element.EnumerateObject())
                {
                    if (!seen.Add(member.Name))
                    {
                        return $"{path}.{member.Name}";
                    }

                    if (Find(member.Value, $"{path}.{member.Name}", depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{i++}]", depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
