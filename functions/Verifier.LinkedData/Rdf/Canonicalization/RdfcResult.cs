namespace Verifier.LinkedData.Rdf.Canonicalization;

/// <summary>
/// Outcome of RDFC-1.0: the canonical N-Quads document and the issued identifiers map (input blank node label →
/// canonical label), or an error when the input is too costly to canonicalize within the configured bound.
/// </summary>
public sealed record RdfcResult(string? NQuads, IReadOnlyDictionary<string, string> CanonicalIdentifiers, string? Error)
{
    public bool Succeeded => Error is null;

    public static RdfcResult Fail(string error) => new(null, new Dictionary<string, string>(), error);
}
