using System.Globalization;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf;

namespace Verifier.Core.Tests.Proofs;

/// <summary>
/// A test stand-in at the JSON-LD seam: maps any JSON object to RDF without contexts (objects become blank nodes or
/// their "id" IRI, members become urn:test: predicates, scalars literals). Deterministic and content-sensitive, so
/// the proof machinery (transformation, RDFC, hashing, signatures) is exercised without a JSON-LD processor.
/// </summary>
internal sealed class PlainJsonRdfConverter : ILinkedDataConverter
{
    public ValueTask<RdfConversion> ToRdfAsync(JsonElement document, CancellationToken cancellationToken)
    {
        var dataset = new RdfDataset();
        var counter = 0;
        Node(document, dataset, ref counter);
        return ValueTask.FromResult(RdfConversion.Success(dataset));
    }

    /// <summary>Every JSON difference is an RDF difference here, so there is no other form to audit.</summary>
    public async ValueTask<RdfConversion> ToRdfAuditedAsync(JsonElement document, CancellationToken cancellationToken) =>
        await ToRdfAsync(document, cancellationToken) with { PlainForm = new PlainFormAudit() };

    private static RdfTerm Node(JsonElement value, RdfDataset dataset, ref int counter)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var subject = value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    ? RdfTerm.Iri(id.GetString()!)
                    : RdfTerm.Blank("n" + counter++.ToString(CultureInfo.InvariantCulture));
                foreach (var member in value.EnumerateObject())
                {
                    var predicate = RdfTerm.Iri("urn:test:" + Uri.EscapeDataString(member.Name));
                    var items = member.Value.ValueKind == JsonValueKind.Array ? [.. member.Value.EnumerateArray()] : new[] { member.Value };
                    foreach (var item in items)
                    {
                        dataset.Add(new RdfQuad(subject, predicate, Node(item, dataset, ref counter)));
                    }
                }

                return subject;
            case JsonValueKind.String:
                return RdfTerm.Literal(value.GetString()!);
            default:
                return RdfTerm.Literal(value.GetRawText(), "urn:test:json");
        }
    }
}
