using System.Text.Json;

namespace Verifier.Core.Proofs;

/// <summary>Stands in until a JSON-LD processor is registered: RDFC-based proofs are then indeterminate, never valid.</summary>
internal sealed class UnavailableLinkedDataConverter : ILinkedDataConverter
{
    public ValueTask<RdfConversion> ToRdfAsync(JsonElement document, CancellationToken cancellationToken) =>
        ValueTask.FromResult(RdfConversion.Fail("no JSON-LD processor is configured", indeterminate: true));

    public ValueTask<RdfConversion> ToRdfAuditedAsync(JsonElement document, CancellationToken cancellationToken) =>
        ToRdfAsync(document, cancellationToken);
}
