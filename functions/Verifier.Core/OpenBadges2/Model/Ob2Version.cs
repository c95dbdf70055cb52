using System.Text.Json.Nodes;
using Verifier.Core.Input;

namespace Verifier.Core.OpenBadges2.Model;

/// <summary>Tells 0.5, 1.0, 1.1 and 2.0 assertions apart by the markers each version introduced.</summary>
internal static class Ob2Version
{
    public const string V05 = "0.5";
    public const string V10 = "1.0";
    public const string V11 = "1.1";
    public const string V20 = "2.0";

    /// <summary>The version of an assertion-shaped object, or null when it is not recognisable as any.</summary>
    public static string? Detect(JsonObject node)
    {
        // 1.1 introduced JSON-LD with the v1 context; 2.0 moved to the v2 context (w3id.org redirects both).
        foreach (var context in JsonRead.Strings(node["@context"]))
        {
            if (IsContext(context, "v2"))
            {
                return V20;
            }

            if (IsContext(context, "v1"))
            {
                return V11;
            }
        }

        // 1.0: "verify" instructions (hosted URL or signing key URL), usually with a "uid" and a recipient object.
        if (node["verify"] is JsonObject || node["uid"] is not null)
        {
            return V10;
        }

        // 0.5: recipient as a plain (possibly hashed) string and the badge embedded with its issuer's origin.
        if (node["recipient"] is JsonValue && node["badge"] is JsonObject)
        {
            return V05;
        }

        // Without a context, a 2.0-shaped document (verification object, typed) is read as 2.0 with a warning.
        return node["verification"] is JsonObject || node["revoked"] is not null || JsonRead.HasType(node, "Assertion")
            ? V20
            : null;
    }

    public static bool IsLegacy(string? version) => version is V05 or V10 or V11;

    private static bool IsContext(string url, string suffix) =>
        (url.StartsWith("https://w3id.org/openbadges/", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://w3id.org/openbadges/", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://openbadgespec.org/", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://openbadgespec.org/", StringComparison.OrdinalIgnoreCase))
        && url.TrimEnd('/').EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
        || url.EndsWith($"/{suffix}/context.json", StringComparison.OrdinalIgnoreCase);
}
