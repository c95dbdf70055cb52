using System.Text.Json;
using Verifier.LinkedData.JsonLd;

namespace Verifier.Core.Proofs;

/// <summary>
/// The project's JSON-LD 1.1 processor behind the proof seam, always in safe mode (undefined terms, relative @type
/// IRIs and dropped values are errors) because what it produces is signed.
/// </summary>
internal sealed class JsonLdLinkedDataConverter(JsonLdProcessor processor) : ILinkedDataConverter
{
    private static readonly JsonLdOptions SafeMode = new() { SafeMode = true };

    public ValueTask<RdfConversion> ToRdfAsync(JsonElement document, CancellationToken cancellationToken) =>
        ConvertAsync(document, SafeMode, null, cancellationToken);

    public ValueTask<RdfConversion> ToRdfAuditedAsync(JsonElement document, CancellationToken cancellationToken)
    {
        var audit = new PlainFormAudit();
        return ConvertAsync(document, SafeMode with { Audit = audit }, audit, cancellationToken);
    }

    private async ValueTask<RdfConversion> ConvertAsync(JsonElement document, JsonLdOptions options, PlainFormAudit? audit, CancellationToken cancellationToken)
    {
        try
        {
            var dataset = await processor.ToRdfAsync(document, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            return RdfConversion.Success(dataset) with { PlainForm = audit };
        }
        catch (JsonLdException e)
        {
            // A context that could not be loaded says nothing about the credential; unpinned or altered ones do.
            return RdfConversion.Fail(e.Message, indeterminate: e.Code == JsonLdErrorCodes.LoadingRemoteContextFailed);
        }
    }
}
