namespace Verifier.Core.Baking;

internal enum DoctypeKind
{
    None,

    /// <summary>A DOCTYPE naming an external DTD only (e.g. the SVG 1.1 public identifier), no internal subset.</summary>
    ExternalOnly,

    /// <summary>A DOCTYPE with an internal subset "[...]", where entity declarations live.</summary>
    InternalSubset,
}

/// <summary>
/// Scans the prolog of an XML document in an ASCII-compatible encoding (XML 1.0 §2.8: XMLDecl? Misc* (doctypedecl
/// Misc*)?) without an XML parser: finds whether a DOCTYPE is present and has an internal subset, and the root
/// element's name. Used to sniff SVG and to refuse entity declarations with a clear message before parsing.
/// </summary>
internal static class XmlProlog
{
    private static readonly System.Buffers.SearchValues<byte> NameEnd = System.Buffers.SearchValues.Create(" \t\r\n/>"u8);

    /// <summary>False when the bytes do not start like an XML document (after an optional UTF-8 BOM).</summary>
    public static bool TryScan(ReadOnlySpan<byte> data, out DoctypeKind doctype, out ReadOnlySpan<byte> rootName)
    {
        doctype = DoctypeKind.None;
        rootName = default;
        var i = data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (true)
        {
            while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }

            var rest = data[i..];
            if (rest.Length < 2 || rest[0] != (byte)'<')
            {
                return false;
            }

            if (rest.StartsWith("<?"u8))
            {
                var end = rest.IndexOf("?>"u8);
                if (end < 0)
                {
                    return false;
                }

                i += end + 2;
            }
            else if (rest.StartsWith("<!--"u8))
            {
                var end = rest[4..].IndexOf("-->"u8);
                if (end < 0)
                {
                    return false;
                }

                i += 4 + end + 3;
            }
            else if (rest.StartsWith("<!DOCTYPE"u8))
            {
                if (doctype != DoctypeKind.None)
                {
                    return false;
                }

                var end = DoctypeEnd(rest, out var hasInternalSubset);
                if (hasInternalSubset)
                {
                    // The subset holds markup declarations; nothing after it matters: such documents are refused.
                    doctype = DoctypeKind.InternalSubset;
                    return true;
                }

                if (end < 0)
                {
                    return false;
                }

                doctype = DoctypeKind.ExternalOnly;
                i += end + 1;
            }
            else if (rest[1] == (byte)'!')
            {
                return false;
            }
            else
            {
                var name = rest[1..];
                var stop = name.IndexOfAny(NameEnd);
                rootName = stop < 0 ? name : name[..stop];
                return rootName.Length > 0;
            }
        }
    }

    /// <summary>True when the root element is svg (any prefix, e.g. svg:svg); namespaces are checked by the parser.</summary>
    public static bool IsSvgRoot(ReadOnlySpan<byte> rootName)
    {
        var colon = rootName.IndexOf((byte)':');
        return rootName[(colon + 1)..].SequenceEqual("svg"u8);
    }

    /// <summary>Index of the '>' closing the DOCTYPE, skipping quoted system/public literals; stops at a '['.</summary>
    private static int DoctypeEnd(ReadOnlySpan<byte> doctype, out bool hasInternalSubset)
    {
        hasInternalSubset = false;
        byte quote = 0;
        for (var j = 9; j < doctype.Length; j++)
        {
            var c = doctype[j];
            if (quote != 0)
            {
                quote = c == quote ? (byte)0 : quote;
            }
            else if (c is (byte)'"' or (byte)'\'')
            {
                quote = c;
            }
            else if (c == (byte)'[')
            {
                hasInternalSubset = true;
                return -1;
            }
            else if (c == (byte)'>')
            {
                return j;
            }
        }

        return -1;
    }
}
