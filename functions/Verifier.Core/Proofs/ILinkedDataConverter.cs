using System.Text.Json;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf;

namespace Verifier.Core.Proofs;

/// <summary>
/// JSON-LD to RDF for signed documents (JSON-LD 1.1 expansion + toRdf in safe mode, with pinned contexts). The
/// RDFC-based cryptosuites canonicalize what this returns. Safe mode matters: an undefined term that is silently
/// dropped would let an attacker change a credential's JSON without changing its signed RDF.
/// </summary>
internal interface ILinkedDataConverter
{
    ValueTask<RdfConversion> ToRdfAsync(JsonElement document, CancellationToken cancellationToken);

    /// <summary>
    /// The same conversion, auditing in the same pass that the document is in the plain compacted form of its own
    /// contexts (docs/jsonld.md): <see cref="RdfConversion.PlainForm"/> says where it is not. The RDFC suites sign the
    /// graph, not the JSON, and the checks read the JSON: only the plain form makes the two say the same thing.
    /// </summary>
    ValueTask<RdfConversion> ToRdfAuditedAsync(JsonElement document, CancellationToken cancellationToken);
}

/// <param name="Dataset">The dataset, when conversion succeeded.</param>
/// <param name="Error">Why the document could not be converted (undefined term, unknown or mismatching context…).</param>
/// <param name="Indeterminate">True when the cause lies outside the document (a context could not be fetched).</param>
internal sealed record RdfConversion(RdfDataset? Dataset, string? Error, bool Indeterminate = false)
{
    /// <summary>
    /// The plain-form audit of an audited conversion; null for <c>ToRdfAsync</c>. A successful audited conversion
    /// must set it (an empty audit when the converter has no other forms): the RDFC suites refuse a null one.
    /// </summary>
    public PlainFormAudit? PlainForm { get; init; }

    public static RdfConversion Success(RdfDataset dataset) => new(dataset, null);

    public static RdfConversion Fail(string error, bool indeterminate = false) => new(null, error, indeterminate);
}
