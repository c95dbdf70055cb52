using System.Text;
using System.Text.Json;
using System.Xml;
using Verifier.Core.Input;

namespace Verifier.Core.Baking;

/// <summary>
/// Bakes a badge into an SVG as Open Badges 2.0 Baking (and 3.0 §5.3.2.2 for credentials) describe: an
/// openbadges:assertion (or openbadges:credential) element directly after the &lt;svg&gt; start tag; a URL or JWS
/// goes in its verify attribute, JSON in a CDATA body. Existing badge elements of either kind are replaced (an image
/// holds one badge; the reader refuses two different ones). The SVG is edited as text, so every other character
/// stays as it was (no XML re-serialisation).
/// </summary>
internal static class SvgBaker
{
    /// <summary>Bakes into UTF-8 SVG bytes; throws <see cref="ArgumentException"/> when the SVG cannot be baked.</summary>
    public static byte[] Bake(ReadOnlySpan<byte> svg, string payload, bool openBadges3 = false)
    {
        var bom = svg.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var text = Encoding.UTF8.GetString(bom ? svg[3..] : svg);
        var baked = Bake(text, payload, openBadges3);
        return bom ? [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(baked)] : Encoding.UTF8.GetBytes(baked);
    }

    public static string Bake(string svg, string payload, bool openBadges3 = false) =>
        TryBake(svg, payload, openBadges3, out var baked, out var error) ? baked : throw new ArgumentException(error, nameof(svg));

    public static bool TryBake(string svg, string payload, bool openBadges3, out string baked, out string? error)
    {
        baked = string.Empty;
        var kind = PayloadClassifier.KindOf(payload);
        if (kind is null)
        {
            error = "the payload is not JSON, a compact JWS or an http(s) URL";
            return false;
        }

        if (payload.Length > BakingLimits.MaxPayloadBytes)
        {
            error = $"the payload is longer than {BakingLimits.MaxPayloadBytes} characters";
            return false;
        }

        var ns = openBadges3 ? SvgBadgeReader.OpenBadges3Namespace : SvgBadgeReader.OpenBadgesNamespace;
        var local = openBadges3 ? "credential" : "assertion";
        if (!SvgLayout.TryRead(svg, out var layout, out error))
        {
            return false;
        }

        // The prefix "openbadges" is declared on <svg> as the spec shows, unless <svg> already binds it to another
        // namespace (e.g. baking 2.0 into an image that carries a 3.0 credential): then the element declares it itself.
        var declaredOnRoot = layout.RootPrefixNamespace;
        var rootDecl = declaredOnRoot is null ? $" xmlns:openbadges=\"{ns}\"" : string.Empty;
        var elementDecl = declaredOnRoot is not null && declaredOnRoot != ns ? $" xmlns:openbadges=\"{ns}\"" : string.Empty;
        var element = Element(local, elementDecl, payload.Trim(), kind.Value, openBadges3);

        var sb = new StringBuilder(svg.Length + element.Length + 64);
        var tagEnd = layout.RootStartTagEnd;
        if (layout.RootSelfClosing)
        {
            sb.Append(svg.AsSpan(0, tagEnd - 1).TrimEnd()).Append(rootDecl).Append('>').Append(element).Append("</").Append(layout.RootName).Append('>');
        }
        else
        {
            sb.Append(svg, 0, tagEnd).Append(rootDecl).Append('>').Append(element);
        }

        var copyFrom = tagEnd + 1;
        foreach (var (start, end) in layout.Existing)
        {
            sb.Append(svg, copyFrom, start - copyFrom);
            copyFrom = end;
        }

        sb.Append(svg, copyFrom, svg.Length - copyFrom);
        baked = sb.ToString();
        error = null;
        return true;
    }

    private static string Element(string local, string nsDecl, string payload, PayloadKind kind, bool openBadges3)
    {
        if (kind != PayloadKind.Json)
        {
            return $"<openbadges:{local}{nsDecl} verify=\"{EscapeAttribute(payload)}\"/>";
        }

        // 2.0: verify carries the hosted assertion's URL (its id) beside the JSON; 3.0: "omit the verify attribute".
        var id = openBadges3 ? null : IdOf(payload);
        var verify = id is null ? string.Empty : $" verify=\"{EscapeAttribute(id)}\"";
        var cdata = payload.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal);
        return $"<openbadges:{local}{nsDecl}{verify}><![CDATA[{cdata}]]></openbadges:{local}>";
    }

    private static string? IdOf(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && PayloadClassifier.KindOf(id.GetString()!) == PayloadKind.Url
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string EscapeAttribute(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '"' => "&quot;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                '\t' => "&#9;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
