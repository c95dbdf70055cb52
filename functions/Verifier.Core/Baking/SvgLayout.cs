using System.Text;
using System.Xml;

namespace Verifier.Core.Baking;

/// <summary>
/// Where things are in an SVG's text, found with the same safe XML reader as unbaking (line info mapped back to
/// character offsets): the end of the root start tag, and the spans of existing badge elements to replace.
/// </summary>
internal sealed class SvgLayout
{
    public string RootName { get; private init; } = "svg";

    /// <summary>Offset of the '&gt;' that closes the root start tag.</summary>
    public int RootStartTagEnd { get; private init; }

    public bool RootSelfClosing { get; private init; }

    /// <summary>The namespace the root binds the prefix "openbadges" to, if it declares it.</summary>
    public string? RootPrefixNamespace { get; private init; }

    /// <summary>
    /// [start, end) spans of existing badge elements of either kind (openbadges:assertion and openbadges:credential),
    /// in document order: baking replaces them all, since the reader refuses two different badges in one image.
    /// </summary>
    public List<(int Start, int End)> Existing { get; } = [];

    public static bool TryRead(string svg, out SvgLayout layout, out string? error)
    {
        layout = new SvgLayout();
        XmlProlog.TryScan(Encoding.UTF8.GetBytes(svg[..Math.Min(svg.Length, 64 * 1024)]), out var doctype, out _);
        if (doctype == DoctypeKind.InternalSubset)
        {
            error = "the SVG has a DOCTYPE with an internal subset; such documents are not baked";
            return false;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = doctype == DoctypeKind.ExternalOnly ? DtdProcessing.Ignore : DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = BakingLimits.MaxSvgCharacters,
            MaxCharactersFromEntities = 1024,
        };

        try
        {
            using var reader = XmlReader.Create(new StringReader(svg), settings);
            var lines = LineStarts(svg);
            var info = (IXmlLineInfo)reader;
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "svg")
            {
                error = "not an SVG document: the root element is not <svg>";
                return false;
            }

            var rootEnd = TagEnd(svg, Offset(lines, info));
            layout = new SvgLayout
            {
                RootName = reader.Name,
                RootStartTagEnd = rootEnd,
                RootSelfClosing = reader.IsEmptyElement,
                RootPrefixNamespace = reader.GetAttribute("xmlns:openbadges"),
            };
            while (reader.Read())
            {
                if (reader.Depth > BakingLimits.MaxSvgDepth)
                {
                    error = $"the SVG nests elements deeper than {BakingLimits.MaxSvgDepth} levels";
                    return false;
                }

                if (reader.NodeType == XmlNodeType.Element && IsBadgeElement(reader))
                {
                    var start = Offset(lines, info) - 1;
                    if (!reader.IsEmptyElement)
                    {
                        var depth = reader.Depth;
                        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                        {
                        }
                    }

                    layout.Existing.Add((start, TagEnd(svg, Offset(lines, info)) + 1));
                }
            }

            error = null;
            return true;
        }
        catch (XmlException e)
        {
            error = $"the SVG is not well-formed XML: {e.Message}";
            return false;
        }
    }

    private static bool IsBadgeElement(XmlReader reader) =>
        (reader.NamespaceURI == SvgBadgeReader.OpenBadgesNamespace && reader.LocalName == "assertion")
        || (reader.NamespaceURI == SvgBadgeReader.OpenBadges3Namespace && reader.LocalName == "credential");

    /// <summary>XML 1.0 §2.11: CR LF, CR and LF each end a line, as the reader's line numbers count them.</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (text[i] is '\r' or '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>The reader's line position points at an element's name, just after '&lt;' or '&lt;/'.</summary>
    private static int Offset(List<int> lines, IXmlLineInfo info) => lines[info.LineNumber - 1] + info.LinePosition - 1;

    /// <summary>Index of the '&gt;' ending the tag whose name starts at <paramref name="from"/>, skipping quoted attribute values.</summary>
    private static int TagEnd(string text, int from)
    {
        var quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        throw new XmlException("unterminated tag");
    }
}
