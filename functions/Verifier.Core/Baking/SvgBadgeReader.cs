using System.Text;
using System.Xml;
using Verifier.Core.Input;

namespace Verifier.Core.Baking;

/// <summary>
/// Reads the baked badge from an SVG with a namespace-aware XML reader that never processes a DTD and never
/// resolves anything. Open Badges 2.0 Baking: the first assertion element in namespace http://openbadges.org (any
/// prefix) with a verify attribute and/or a body; Open Badges 3.0 §5.3.2.2: the first credential element in
/// namespace https://purl.imsglobal.org/ob/v3p0 (verify = VC-JWT, body = JSON with an embedded proof).
/// Nothing that could hold a badge is left unread: every badge element is read, and a second one with another
/// payload, a badge element nested in a badge element, or badge markup in a comment, processing instruction or
/// text (where a reader matching the markup as text would find it) is refused as ambiguous.
/// </summary>
internal static class SvgBadgeReader
{
    public const string OpenBadgesNamespace = "http://openbadges.org";
    public const string OpenBadges3Namespace = "https://purl.imsglobal.org/ob/v3p0";
    public const string SvgNamespace = "http://www.w3.org/2000/svg";

    public static UnbakeResult Read(ReadOnlySpan<byte> svg)
    {
        // An internal subset is where entity declarations live (XXE, "billion laughs"): refused before any parsing.
        // A DOCTYPE that only names an external DTD (common in editor output, e.g. the SVG 1.1 public identifier)
        // is skipped unread: DtdProcessing.Ignore with no resolver, so the DTD is never fetched or opened.
        XmlProlog.TryScan(svg, out var doctype, out _);
        if (doctype == DoctypeKind.InternalSubset)
        {
            return UnbakeResult.Malformed(
                "the SVG has a DOCTYPE with an internal subset (<!DOCTYPE ... [ ... ]>): DTDs and entity declarations are refused, so no entity is ever expanded or resolved");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = doctype == DoctypeKind.ExternalOnly ? DtdProcessing.Ignore : DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = BakingLimits.MaxSvgCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = false,
            IgnoreProcessingInstructions = false,
            CloseInput = true,
        };

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(svg.ToArray(), writable: false), settings);
            return ReadDocument(reader);
        }
        catch (XmlException e)
        {
            return UnbakeResult.Malformed($"the SVG is not well-formed XML or breaks a safety limit: {e.Message}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            // Found by fuzzing: an XML declaration with invalid bytes before encoding="UTF-8" makes System.Xml's
            // encoding switch throw ArgumentOutOfRangeException instead of XmlException. Whatever the parser's own
            // bug, hostile bytes are a malformed image, never a crash.
            return UnbakeResult.Malformed($"the SVG's XML could not be parsed ({e.GetType().Name}); its declaration or encoding is malformed");
        }
    }

    private static UnbakeResult ReadDocument(XmlReader reader)
    {
        // The prolog's comments and processing instructions are read too (MoveToContent would skip them unseen).
        while (reader.Read() && reader.NodeType != XmlNodeType.Element)
        {
            if (HiddenMarkup(reader) is { } beforeRoot)
            {
                return beforeRoot;
            }
        }

        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "svg")
        {
            return UnbakeResult.Malformed($"not an SVG document: the root element is <{reader.Name}>, not <svg>");
        }

        UnbakeResult? found = null;
        List<string>? warnings = null;
        while (reader.Read())
        {
            if (reader.Depth > BakingLimits.MaxSvgDepth)
            {
                return UnbakeResult.Malformed($"the SVG nests elements deeper than {BakingLimits.MaxSvgDepth} levels");
            }

            if (HiddenMarkup(reader) is { } hidden)
            {
                return hidden;
            }

            if (reader.NodeType != XmlNodeType.Element || !TryMatch(reader, out var element, out var family))
            {
                continue;
            }

            var read = ReadBadgeElement(reader, element, family);
            if (found is null)
            {
                found = read;
                if (found.Status == UnbakeStatus.Malformed)
                {
                    return found;
                }
            }
            else if (read.Status != UnbakeStatus.Found)
            {
                return UnbakeResult.Malformed($"a second badge element (svg:{element}) cannot be read ({read.Error}), so it may be a different badge than {found.Location}; baking allows only one");
            }
            else if (string.Equals(read.Payload, found.Payload, StringComparison.Ordinal))
            {
                (warnings ??= []).Add($"a second badge element ({read.Location}) repeats the payload of the first ({found.Location}) and was ignored: baking allows only one");
            }
            else
            {
                return UnbakeResult.Malformed(
                    $"two different badges in one image: {found.Location} and {read.Location} hold different payloads; baking allows only one, and which of them a displayer shows is ambiguous, so neither is accepted");
            }
        }

        found ??= UnbakeResult.None($"the SVG has no assertion element in namespace {OpenBadgesNamespace} and no credential element in namespace {OpenBadges3Namespace}");
        return warnings is null ? found : found with { Warnings = [.. found.Warnings, .. warnings] };
    }

    private static bool TryMatch(XmlReader reader, out string element, out BadgeFamily family)
    {
        (element, family) = (reader.NamespaceURI, reader.LocalName) switch
        {
            (OpenBadgesNamespace, "assertion") => ("openbadges:assertion", BadgeFamily.Unknown),
            (OpenBadges3Namespace, "credential") => ("openbadges:credential", BadgeFamily.OpenBadges3),
            _ => (string.Empty, BadgeFamily.Unknown),
        };
        return element.Length > 0;
    }

    /// <summary>
    /// Badge markup ("openbadges:assertion", "openbadges:credential") in a comment, processing instruction, text or
    /// CDATA node: not a badge to an XML reader, but the badge to one that matches markup as text, which would then
    /// show a different badge than the one verified.
    /// </summary>
    private static UnbakeResult? HiddenMarkup(XmlReader reader)
    {
        if (reader.NodeType is not (XmlNodeType.Comment or XmlNodeType.ProcessingInstruction or XmlNodeType.Text or XmlNodeType.CDATA))
        {
            return null;
        }

        var value = reader.Value;
        var marker = value.Contains("openbadges:assertion", StringComparison.OrdinalIgnoreCase) ? "openbadges:assertion"
            : value.Contains("openbadges:credential", StringComparison.OrdinalIgnoreCase) ? "openbadges:credential"
            : null;
        return marker is null ? null : UnbakeResult.Malformed(
            $"the SVG has \"{marker}\" markup inside a {reader.NodeType switch { XmlNodeType.Comment => "comment", XmlNodeType.ProcessingInstruction => "processing instruction", _ => "text node" }}: not a badge element, but a reader that matches the markup as text would take it for one, so the image is refused");
    }

    /// <summary>Reads the verify attribute and the element's own text/CDATA (child elements are not part of the body).</summary>
    private static UnbakeResult ReadBadgeElement(XmlReader reader, string element, BadgeFamily family)
    {
        var verify = reader.GetAttribute("verify");
        if (verify is not null && verify.Length > BakingLimits.MaxPayloadBytes)
        {
            return UnbakeResult.Malformed($"the verify attribute of svg:{element} is longer than {BakingLimits.MaxPayloadBytes} characters");
        }

        var body = new StringBuilder();
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.Depth > BakingLimits.MaxSvgDepth)
                {
                    return UnbakeResult.Malformed($"the SVG nests elements deeper than {BakingLimits.MaxSvgDepth} levels");
                }

                // A badge element inside a badge element: the body ends where a reader decides, so which is the
                // badge is ambiguous (Open Badges baking allows one badge element).
                if (reader.NodeType == XmlNodeType.Element && TryMatch(reader, out var inner, out _))
                {
                    return UnbakeResult.Malformed($"svg:{inner} is nested inside svg:{element}: a badge element inside another is ambiguous, so neither is accepted");
                }

                if (reader.Depth > depth + 1 && HiddenMarkup(reader) is { } hidden)
                {
                    return hidden;
                }

                if (reader.Depth == depth + 1 && reader.NodeType is XmlNodeType.Comment or XmlNodeType.ProcessingInstruction && HiddenMarkup(reader) is { } commented)
                {
                    return commented;
                }

                if (reader.Depth == depth + 1 && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    body.Append(reader.Value);
                    if (body.Length > BakingLimits.MaxPayloadBytes)
                    {
                        return UnbakeResult.Malformed($"the body of svg:{element} is longer than {BakingLimits.MaxPayloadBytes} characters");
                    }
                }
            }
        }

        return SvgPayloadChoice.Choose(element, family, verify?.Trim() ?? string.Empty, body.ToString().Trim());
    }
}
