using System.Text.Json;
using Verifier.Core.Input;

namespace Verifier.Core.Baking;

/// <summary>
/// Decides which of a badge element's two carriers is the badge when both are present.
/// The two public bakeries disagree (mozilla's returns the CDATA JSON, concentricsky's the verify attribute). The
/// spec's own extraction rule decides here: "If the tag has no body, the verify attribute will contain the signature
/// of the badge. If there is a body, it will be the JSON representation of a badge assertion." So a non-empty body
/// that parses as JSON wins; otherwise the verify attribute (a URL or JWS) is used. Nothing is lost: a hosted
/// assertion is always re-fetched from its own id before it is trusted, so the JSON only saves a first fetch and
/// keeps the baked form visible in the report; and a verify attribute that disagrees with the JSON is reported.
/// </summary>
internal static class SvgPayloadChoice
{
    public static UnbakeResult Choose(string element, BadgeFamily family, string verify, string body)
    {
        if (body.Length > 0 && TryReadJson(body, out var declaredUrl))
        {
            var found = UnbakeResult.Found(body, $"svg:{element}#cdata", family);
            if (verify.Length > 0 && declaredUrl is not null && !string.Equals(verify, declaredUrl, StringComparison.Ordinal))
            {
                found = found with
                {
                    Warnings = [$"the verify attribute of svg:{element} ({Shorten(verify)}) differs from the id of the JSON in its body ({Shorten(declaredUrl)}); the JSON is used"],
                };
            }

            return found;
        }

        if (verify.Length > 0)
        {
            var found = UnbakeResult.Found(verify, $"svg:{element}@verify", family);
            return body.Length == 0 ? found : found with
            {
                Warnings = [$"the body of svg:{element} is not valid JSON and was ignored; the verify attribute is used"],
            };
        }

        // A body that is not JSON may still be a compact JWS or a URL; the input resolver classifies it.
        return body.Length > 0
            ? UnbakeResult.Found(body, $"svg:{element}#cdata", family)
            : UnbakeResult.Malformed($"the svg:{element} element has neither a verify attribute nor a body");
    }

    /// <summary>True for a JSON object; <paramref name="declaredUrl"/> is its 2.0 "id" or 1.x "verify.url".</summary>
    private static bool TryReadJson(string body, out string? declaredUrl)
    {
        declaredUrl = null;
        if (body[0] != '{')
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = doc.RootElement;
            if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                declaredUrl = id.GetString();
            }
            else if (root.TryGetProperty("verify", out var v) && v.ValueKind == JsonValueKind.Object
                && v.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
            {
                declaredUrl = url.GetString();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : string.Concat(s.AsSpan(0, 77), "...");
}
