using System.Text.Json;
using Verifier.LinkedData.JsonLd;

namespace Verifier.Core.Proofs;

/// <summary>
/// The project's JSON-LD 1.1 processor behind the proof seam, always in safe mode (undefined terms, relative @type
/// IRIs and dropped values are errors) because what it produces is signed.
/// </summary>
public sealed class JsonLdLinkedDataConverter(JsonLdProcessor processor) : ILinkedDataConverter
{
    private static readonly JsonLdOptions SafeMode = new() { SafeMode = true };

    public async ValueTask<RdfConversion> ToRdfAsync(JsonElement document, CancellationToken cancellationToken)
    {
        try
        {
            return RdfConversion.Success(await processor.ToRdfAsync(document, SafeMode, cancellationToken: cancellationToken).ConfigureAwait(false));
        }
        catch (JsonLdException e)
        {
            // A context that could not be loaded says nothing about the credential; unpinned or altered ones do.
            return RdfConversion.Fail(e.Message, indeterminate: e.Code == JsonLdErrorCodes.LoadingRemoteContextFailed);
        }
    }
}
