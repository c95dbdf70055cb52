using System.Globalization;

namespace Verifier.LinkedData.Tests.TestSupport;

/// <summary>A minimal N-Quads writer and reader for tests (RDF 1.1 N-Quads grammar; canonical escaping on write).</summary>
public static class NQuads
{
    public static string Write(RdfDataset dataset)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var q in dataset.Quads)
        {
            lines.Add(Line(q));
        }

        return string.Concat(lines.Select(l => l + "\n"));
    }

    public static string Line(RdfQuad q)
    {
        var sb = new StringBuilder();
        Term(sb, q.Subject);
        sb.Append(' ');
        Term(sb, q.Predicate);
        sb.Append(' ');
        Term(sb, q.Object);
        if (q.Graph is not null)
        {
            sb.Append(' ');
            Term(sb, q.Graph);
        }

        sb.Append(" .");
        return sb.ToString();
    }

    public static void Term(StringBuilder sb, RdfTerm t)
    {
        switch (t.Kind)
        {
            case RdfTermKind.Iri:
                sb.Append('<').Append(t.Value).Append('>');
                break;
            case RdfTermKind.BlankNode:
                sb.Append("_:").Append(t.Value);
                break;
            default:
                sb.Append('"');
                foreach (var c in t.Value)
                {
                    switch (c)
                    {
                        case '"': sb.Append("\\\""); break;
                        case '\\': sb.Append("\\\\"); break;
                        case '\n': sb.Append("\\n"); break;
                        case '\r': sb.Append("\\r"); break;
                        default: sb.Append(c); break;
                    }
                }

                sb.Append('"');
                if (t.Language is not null)
                {
                    sb.Append('@').Append(t.Language);
                }
                else if (t.Datatype is not null && t.Datatype != RdfTerm.XsdString)
                {
                    sb.Append("^^<").Append(t.Datatype).Append('>');
                }

                break;
        }
    }

    public static RdfDataset Parse(string text)
    {
        var ds = new RdfDataset();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var pos = 0;
            var s = ReadTerm(line, ref pos)!;
            var p = ReadTerm(line, ref pos)!;
            var o = ReadTerm(line, ref pos)!;
            var g = ReadTerm(line, ref pos);
            ds.Add(new RdfQuad(s, p, o, g));
        }

        return ds;
    }

    private static RdfTerm? ReadTerm(string line, ref int pos)
    {
        while (pos < line.Length && line[pos] is ' ' or '\t')
        {
            pos++;
        }

        if (pos >= line.Length || line[pos] == '.')
        {
            return null;
        }

        if (line[pos] == '<')
        {
            var end = line.IndexOf('>', pos);
            var iri = Unescape(line[(pos + 1)..end]);
            pos = end + 1;
            return RdfTerm.Iri(iri);
        }

        if (line[pos] == '_')
        {
            var end = pos + 2;
            while (end < line.Length && line[end] is not (' ' or '\t'))
            {
                end++;
            }

            var label = line[(pos + 2)..end];
            pos = end;
            return RdfTerm.Blank(label);
        }

        // Literal.
        var sb = new StringBuilder();
        var i = pos + 1;
        while (line[i] != '"')
        {
            if (line[i] == '\\')
            {
                i += ReadEscape(line, i, sb);
            }
            else
            {
                sb.Append(line[i++]);
            }
        }

        i++;
        string? datatype = null, language = null;
        if (i < line.Length && line[i] == '@')
        {
            var end = i + 1;
            while (end < line.Length && line[end] is not (' ' or '\t'))
            {
                end++;
            }

            language = line[(i + 1)..end];
            i = end;
        }
        else if (i + 1 < line.Length && line[i] == '^' && line[i + 1] == '^')
        {
            var end = line.IndexOf('>', i);
            datatype = Unescape(line[(i + 3)..end]);
            i = end + 1;
        }

        pos = i;
        return RdfTerm.Literal(sb.ToString(), datatype, language);
    }

    private static int ReadEscape(string s, int i, StringBuilder sb)
    {
        var c = s[i + 1];
        switch (c)
        {
            case 't': sb.Append('\t'); return 2;
            case 'b': sb.Append('\b'); return 2;
            case 'n': sb.Append('\n'); return 2;
            case 'r': sb.Append('\r'); return 2;
            case 'f': sb.Append('\f'); return 2;
            case 'u':
                sb.Append((char)int.Parse(s.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                return 6;
            case 'U':
                sb.Append(char.ConvertFromUtf32(int.Parse(s.AsSpan(i + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                return 10;
            default: sb.Append(c); return 2;
        }
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\', StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < s.Length;)
        {
            if (s[i] == '\\')
            {
                i += ReadEscape(s, i, sb);
            }
            else
            {
                sb.Append(s[i++]);
            }
        }

        return sb.ToString();
    }
}
