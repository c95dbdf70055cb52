namespace Verifier.LinkedData.Rdf;

public enum RdfTermKind
{
    Iri,
    BlankNode,
    Literal,
}

/// <summary>
/// An RDF term. For IRIs <see cref="Value"/> is the IRI; for blank nodes the label without "_:"; for literals the
/// lexical form with <see cref="Datatype"/> (always set; rdf:langString when <see cref="Language"/> is set).
/// </summary>
public sealed record RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    public const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    public const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);

    public static RdfTerm Blank(string label) => new(RdfTermKind.BlankNode, label);

    public static RdfTerm Literal(string value, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, value, language is null ? datatype ?? XsdString : RdfLangString, language);

    public bool IsBlank => Kind == RdfTermKind.BlankNode;
}

/// <summary>A quad; <see cref="Graph"/> is null for the default graph.</summary>
public sealed record RdfQuad(RdfTerm Subject, RdfTerm Predicate, RdfTerm Object, RdfTerm? Graph = null);

/// <summary>An RDF dataset as an ordered list of quads (duplicates are removed by serializers and canonicalization).</summary>
public sealed class RdfDataset
{
    public List<RdfQuad> Quads { get; } = [];

    public void Add(RdfQuad quad) => Quads.Add(quad);
}
