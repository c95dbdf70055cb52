using System.Globalization;
using System.Text;

namespace Verifier.LinkedData.Rdf;

/// <summary>
/// Writes quads in the canonical N-Quads form required by RDFC-1.0 §4.3 (RDF 1.1 N-Quads, canonical N-Triples
/// rules): IRIs unescaped, literals escaping only what the grammar forbids, one space between terms, " .\n" at the end.
/// </summary>
internal static class NQuadsSerializer
{
    /// <summary>Serializes a dataset: one line per distinct quad, in the dataset's order (not sorted).</summary>
    public static string Serialize(RdfDataset dataset)
    {
        var seen = new HashSet<RdfQuad>();
        var sb = new StringBuilder();
        foreach (var quad in dataset.Quads)
        {
            if (seen.Add(quad))
            {
                AppendQuad(sb, quad);
            }
        }

        return sb.ToString();
    }

    /// <summary>One quad as a line, including the terminating newline.</summary>
    public static string SerializeQuad(RdfQuad quad)
    {
        var sb = new StringBuilder();
        AppendQuad(sb, quad);
        return sb.ToString();
    }

    public static void AppendQuad(StringBuilder sb, RdfQuad quad)
    {
        AppendTerm(sb, quad.Subject);
        sb.Append(' ');
        AppendTerm(sb, quad.Predicate);
        sb.Append(' ');
        AppendTerm(sb, quad.Object);
        if (quad.Graph is not null)
        {
            sb.Append(' ');
            AppendTerm(sb, quad.Graph);
        }

        sb.Append(" .\n");
    }

    public static void AppendTerm(StringBuilder sb, RdfTerm term)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                AppendIri(sb, term.Value);
                break;
            case RdfTermKind.BlankNode:
                sb.Append("_:").Append(term.Value);
                break;
            default:
                AppendLiteral(sb, term);
                break;
        }
    }

    public static void AppendIri(StringBuilder sb, string iri) => sb.Append('<').Append(iri).Append('>');

    private static void AppendLiteral(StringBuilder sb, RdfTerm literal)
    {
        sb.Append('"');
        AppendEscaped(sb, literal.Value);
        sb.Append('"');
        if (literal.Language is not null)
        {
            sb.Append('@').Append(literal.Language);
        }
        else if (literal.Datatype is not null && literal.Datatype != RdfTerm.XsdString)
        {
            // xsd:string is the implicit datatype of a simple literal and is never written (RDF 1.1 §3.3).
            sb.Append("^^");
            AppendIri(sb, literal.Datatype);
        }
    }

    /// <summary>
    /// Canonical string escaping: ECHAR for \b \t \n \f \r " \ and UCHAR (upper-case hex) for the other C0 controls and
    /// DEL; every other character is written as itself.
    /// </summary>
    private static void AppendEscaped(StringBuilder sb, string value)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
            {
                continue;
            }

            sb.Append(value, start, i - start);
            start = i + 1;
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)); break;
            }
        }

        sb.Append(value, start, value.Length - start);
    }
}
