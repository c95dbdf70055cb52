using System.Globalization;
using System.Text.Json;
using Verifier.LinkedData.Jcs;
using Verifier.LinkedData.Rdf;

namespace Verifier.LinkedData.JsonLd;

/// <summary>Deserialize JSON-LD to RDF (JSON-LD 1.1 API §8.1.2), with Object to RDF (§8.2) and List to RDF (§8.3).</summary>
internal sealed class RdfSerializer(Session session, NodeMap nodeMap)
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    private static readonly RdfTerm RdfType = RdfTerm.Iri(Rdf + "type");
    private static readonly RdfTerm RdfFirst = RdfTerm.Iri(Rdf + "first");
    private static readonly RdfTerm RdfRest = RdfTerm.Iri(Rdf + "rest");
    private static readonly RdfTerm RdfNil = RdfTerm.Iri(Rdf + "nil");
    private static readonly RdfTerm RdfValue = RdfTerm.Iri(Rdf + "value");
    private static readonly RdfTerm RdfLanguage = RdfTerm.Iri(Rdf + "language");
    private static readonly RdfTerm RdfDirection = RdfTerm.Iri(Rdf + "direction");

    private readonly RdfDataset dataset = new();
    private RdfTerm? graphTerm;

    public RdfDataset Serialize()
    {
        foreach (var (graphName, graph) in nodeMap.Graphs)
        {
            if (graphName == Keywords.Default)
            {
                graphTerm = null;
            }
            else if (Iri.IsBlankNode(graphName))
            {
                graphTerm = RdfTerm.Blank(graphName[2..]);
            }
            else if (Iri.IsWellFormed(graphName))
            {
                graphTerm = RdfTerm.Iri(graphName);
            }
            else
            {
                Safe(graphName, "graph name is not a well-formed IRI");
                continue;
            }

            foreach (var (subject, node) in graph)
            {
                var s = Resource(subject);
                if (s is null)
                {
                    Safe(subject, "subject is not a well-formed IRI");
                    continue;
                }

                SerializeNode(s, node);
            }
        }

        return dataset;
    }

    private void SerializeNode(RdfTerm subject, Dictionary<string, object?> node)
    {
        foreach (var (property, values) in node)
        {
            if (property == Keywords.Type)
            {
                foreach (var t in Expander.AsList(values))
                {
                    if (t is string type && Resource(type) is { } o)
                    {
                        Emit(subject, RdfType, o);
                    }
                    else
                    {
                        Safe(property, $"type {t} is not a well-formed IRI");
                    }
                }

                continue;
            }

            if (Keywords.IsKeyword(property))
            {
                continue;
            }

            if ((Iri.IsBlankNode(property) && !session.Options.ProduceGeneralizedRdf) || (!Iri.IsBlankNode(property) && !Iri.IsWellFormed(property)))
            {
                Safe(property, "property is not a well-formed IRI");
                continue;
            }

            var predicate = Resource(property)!;
            foreach (var item in Expander.AsList(values))
            {
                if (ObjectToRdf(item) is { } o)
                {
                    Emit(subject, predicate, o);
                }
            }
        }
    }

    private void Emit(RdfTerm s, RdfTerm p, RdfTerm o)
    {
        if (dataset.Quads.Count >= session.Options.MaxQuads)
        {
            throw new JsonLdException(JsonLdErrorCodes.ProcessingLimit, $"more than {session.Options.MaxQuads} quads");
        }

        dataset.Add(new RdfQuad(s, p, o, graphTerm));
    }

    private static RdfTerm? Resource(string id) =>
        Iri.IsBlankNode(id) ? RdfTerm.Blank(id[2..]) : Iri.IsWellFormed(id) ? RdfTerm.Iri(id) : null;

    // §8.2 Object to RDF.
    private RdfTerm? ObjectToRdf(object? item)
    {
        if (item is not Dictionary<string, object?> map)
        {
            return null;
        }

        if (map.TryGetValue(Keywords.List, out var list))
        {
            return ListToRdf(Expander.AsList(list));
        }

        if (!map.TryGetValue(Keywords.Value, out var value))
        {
            var id = map.TryGetValue(Keywords.Id, out var rawId) ? rawId as string : null;
            var term = id is null ? null : Resource(id);
            if (term is null)
            {
                Safe(id ?? "@id", "node identifier is not a well-formed IRI");
            }

            return term;
        }

        var datatype = map.TryGetValue(Keywords.Type, out var rawType) ? rawType as string : null;
        if (datatype is not null && datatype != Keywords.Json && !Iri.IsWellFormed(datatype))
        {
            Safe(datatype, "datatype is not a well-formed IRI");
            return null;
        }

        var language = map.TryGetValue(Keywords.Language, out var rawLang) ? rawLang as string : null;
        if (language is not null && !IsWellFormedLanguage(language))
        {
            Safe(language, "language tag is not well-formed");
            return null;
        }

        string lexical;
        if (datatype == Keywords.Json)
        {
            lexical = value is JsonElement e ? Canonical(e) : "null";
            datatype = Rdf + "JSON";
        }
        else if (value is bool b)
        {
            lexical = b ? "true" : "false";
            datatype ??= Xsd + "boolean";
        }
        else if (value is double d && (d % 1 != 0 || Math.Abs(d) >= 1e21 || datatype == Xsd + "double"))
        {
            lexical = CanonicalDouble(d);
            datatype ??= Xsd + "double";
        }
        else if (value is double i)
        {
            lexical = EcmaNumberInteger(i);
            datatype ??= Xsd + "integer";
        }
        else
        {
            lexical = value as string ?? string.Empty;
        }

        if (map.TryGetValue(Keywords.Direction, out var rawDir) && rawDir is string direction && session.Options.RdfDirection is { } mode)
        {
            return DirectionLiteral(lexical, language, direction, mode);
        }

        return RdfTerm.Literal(lexical, datatype, language);
    }

    private static string Canonical(JsonElement e)
    {
        try
        {
            return JsonCanonicalizer.Canonicalize(e);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException or FormatException)
        {
            throw new JsonLdException(JsonLdErrorCodes.InvalidNumber, $"@json value cannot be canonicalized: {ex.Message}", ex);
        }
    }

    private RdfTerm DirectionLiteral(string lexical, string? language, string direction, string mode)
    {
        if (mode == "i18n-datatype")
        {
            return RdfTerm.Literal(lexical, $"https://www.w3.org/ns/i18n#{language?.ToLowerInvariant()}_{direction}");
        }

        var node = RdfTerm.Blank(nodeMap.Label(null)[2..]);
        Emit(node, RdfValue, RdfTerm.Literal(lexical));
        if (language is not null)
        {
            Emit(node, RdfLanguage, RdfTerm.Literal(language.ToLowerInvariant()));
        }

        Emit(node, RdfDirection, RdfTerm.Literal(direction));
        return node;
    }

    // §8.3 List to RDF.
    private RdfTerm ListToRdf(List<object?> list)
    {
        if (list.Count == 0)
        {
            return RdfNil;
        }

        var nodes = new RdfTerm[list.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = RdfTerm.Blank(nodeMap.Label(null)[2..]);
        }

        for (var i = 0; i < nodes.Length; i++)
        {
            if (ObjectToRdf(list[i]) is { } o)
            {
                Emit(nodes[i], RdfFirst, o);
            }

            Emit(nodes[i], RdfRest, i + 1 < nodes.Length ? nodes[i + 1] : RdfNil);
        }

        return nodes[0];
    }

    /// <summary>
    /// Canonical xsd:double as JSON-LD 1.1 API §8.2 step 10 produces it ("1.1E0"): 16 significant digits (as
    /// JavaScript's toExponential(15), which the reference stacks that sign credentials use), trailing zeros dropped.
    /// </summary>
    internal static string CanonicalDouble(double d)
    {
        var e = d.ToString("E15", CultureInfo.InvariantCulture); // e.g. "-1.100000000000000E+000"
        var ePos = e.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e.AsSpan(0, ePos).TrimEnd('0');
        if (mantissa[^1] == '.')
        {
            mantissa = e.AsSpan(0, mantissa.Length + 1);
        }

        var exponent = int.Parse(e.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return string.Concat(mantissa, "E", exponent.ToString(CultureInfo.InvariantCulture));
    }

    private static string EcmaNumberInteger(double d) => EcmaNumber.Format(d);

    // BCP 47 shape (RFC 5646 §2.1), loosely: alphanumeric subtags of 1-8 characters, the first alphabetic.
    private static bool IsWellFormedLanguage(string tag)
    {
        var parts = tag.Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            var p = parts[i];
            if (p.Length is 0 or > 8)
            {
                return false;
            }

            foreach (var c in p)
            {
                if (!(i == 0 ? char.IsAsciiLetter(c) : char.IsAsciiLetterOrDigit(c)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void Safe(string what, string message)
    {
        if (session.Options.SafeMode)
        {
            throw new JsonLdException(JsonLdErrorCodes.SafeModeViolation, $"{what}: {message}") { Property = what };
        }
    }
}
