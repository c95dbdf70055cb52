using System.Net;
using System.Text;
using Verifier.Core.Trust;

namespace Verifier.Core.Input;

/// <summary>How a web page pointed at its badge data.</summary>
internal sealed record HtmlBadgeLink(Uri Url, string How);

/// <summary>
/// Finds the badge data a badge's web page declares: <c>&lt;link rel="alternate"&gt;</c> with a JSON, JSON-LD or VC
/// type (the autodiscovery form of HTML §4.6.7.1 "alternate"), else a <c>&lt;meta&gt;</c> named
/// <c>openbadges:assertion</c> or <c>openbadges:credential</c>. A small tokenizer over the first
/// <see cref="Window"/> bytes, not a pattern search: it reads only real start tags, skips comments and the raw text
/// of script, style, textarea, title and template elements, so a "&lt;link …&gt;" written inside a script string or a
/// comment — text a page's visitors (or a forger) may control — is never taken for one. It never throws.
/// </summary>
internal static class HtmlBadgeLinks
{
    /// <summary>How much of a page is read: platforms put these in the head.</summary>
    public const int Window = 256 * 1024;

    private const int MaxTags = 8192;

    private static readonly string[] JsonTypes =
        ["application/ld+json", "application/json", "application/vc+ld+json", "application/vc", "application/vc+jwt", "application/jwt"];

    private static readonly string[] MetaNames = ["openbadges:assertion", "openbadges:credential"];

    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "template", "xmp", "noscript"];

    public static HtmlBadgeLink? Find(ReadOnlySpan<byte> html, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        var text = Encoding.UTF8.GetString(html[..Math.Min(html.Length, Window)]);
        var baseUrl = pageUrl;
        HtmlBadgeLink? meta = null;
        var i = 0;
        for (var tags = 0; tags < MaxTags && i < text.Length; tags++)
        {
            var open = text.IndexOf('<', i);
            if (open < 0 || open + 1 >= text.Length)
            {
                break;
            }

            if (string.CompareOrdinal(text, open, "<!--", 0, 4) == 0)
            {
                i = SkipPast(text, open + 4, "-->");
                continue;
            }

            if (!char.IsAsciiLetter(text[open + 1]))
            {
                // End tags, doctype, processing instructions and a lone '<' in text.
                i = text[open + 1] is '/' or '!' or '?' ? SkipPast(text, open + 1, ">") : open + 1;
                continue;
            }

            var (name, attributes, end) = StartTag(text, open + 1);
            i = end;
            if (Array.IndexOf(RawTextElements, name) >= 0)
            {
                i = SkipPastEndTag(text, i, name);
                continue;
            }

            switch (name)
            {
                case "base" when Href(attributes, "href", baseUrl) is { } b:
                    baseUrl = b;
                    break;
                case "link" when IsAlternateJson(attributes) && Href(attributes, "href", baseUrl) is { } link:
                    return new HtmlBadgeLink(link, $"<link rel=\"alternate\" type=\"{Get(attributes, "type")}\">");
                case "meta" when meta is null && MetaName(attributes) is { } metaName && Href(attributes, "content", baseUrl) is { } content:
                    meta = new HtmlBadgeLink(content, $"<meta name=\"{metaName}\">");
                    break;
            }
        }

        return meta;
    }

    private static bool IsAlternateJson(List<(string Name, string Value)> attributes)
    {
        var rel = Get(attributes, "rel");
        var type = Get(attributes, "type")?.Split(';')[0].Trim();
        return rel is not null
            && rel.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries).Any(t => t.Equals("alternate", StringComparison.OrdinalIgnoreCase))
            && type is not null && JsonTypes.Any(j => j.Equals(type, StringComparison.OrdinalIgnoreCase));
    }

    private static string? MetaName(List<(string Name, string Value)> attributes)
    {
        var name = Get(attributes, "name") ?? Get(attributes, "property");
        return name is not null && MetaNames.Any(m => m.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)) ? name.Trim() : null;
    }

    /// <summary>An absolute http(s) URL from an attribute, resolved against the page (or its &lt;base&gt;).</summary>
    private static Uri? Href(List<(string Name, string Value)> attributes, string attribute, Uri baseUrl) =>
        Get(attributes, attribute) is { Length: > 0 } value && Uri.TryCreate(baseUrl, value.Trim(), out var url) && WebIdentity.IsHttp(url)
            ? url
            : null;

    private static string? Get(List<(string Name, string Value)> attributes, string name) =>
        attributes.FirstOrDefault(a => a.Name == name).Value;

    /// <summary>HTML §13.2.5 in brief: tag name, then attributes (quoted, unquoted or bare) up to '&gt;'.</summary>
    private static (string Name, List<(string Name, string Value)> Attributes, int End) StartTag(string text, int at)
    {
        var i = at;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or ':'))
        {
            i++;
        }

        var name = text[at..i].ToLowerInvariant();
        var attributes = new List<(string, string)>();
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '/'))
            {
                i++;
            }

            if (i >= text.Length || text[i] == '>')
            {
                return (name, attributes, Math.Min(i + 1, text.Length));
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('=' or '>' or '/'))
            {
                i++;
            }

            var attribute = text[start..i].ToLowerInvariant();
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var value = string.Empty;
            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i < text.Length && text[i] is '"' or '\'')
                {
                    var quote = text[i];
                    var close = text.IndexOf(quote, i + 1);
                    close = close < 0 ? text.Length : close;
                    value = text[(i + 1)..close];
                    i = Math.Min(close + 1, text.Length);
                }
                else
                {
                    start = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '>')
                    {
                        i++;
                    }

                    value = text[start..i];
                }
            }

            if (attribute.Length > 0)
            {
                attributes.Add((attribute, WebUtility.HtmlDecode(value)));
            }
        }

        return (name, attributes, text.Length);
    }

    private static int SkipPast(string text, int from, string marker)
    {
        var at = text.IndexOf(marker, from, StringComparison.Ordinal);
        return at < 0 ? text.Length : at + marker.Length;
    }

    private static int SkipPastEndTag(string text, int from, string name)
    {
        var at = text.IndexOf("</" + name, from, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? text.Length : SkipPast(text, at, ">");
    }
}
