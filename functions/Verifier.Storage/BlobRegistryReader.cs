using Azure;
using Azure.Storage.Blobs;
using Verifier.Core.Registries;

namespace Verifier.Storage;

/// <summary>
/// Reads a local issuer registry kept as a blob in the deployment's storage account, with the same client (managed
/// identity, or Azurite's connection string) as the document cache. The registry option <c>blob</c> names it as
/// <c>container/path/name.json</c>. Never throws for storage failures: the registry is then reported unchecked.
/// </summary>
public sealed class BlobRegistryReader(BlobServiceClient service) : IRegistryBlobReader
{
    public async Task<RegistryBlobRead> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == blobName.Length - 1)
        {
            return new RegistryBlobRead(null, $"'{blobName}' is not container/name");
        }

        var blob = service.GetBlobContainerClient(blobName[..slash]).GetBlobClient(blobName[(slash + 1)..]);
        try
        {
            // Size first: a list is small, and a blob that is not one must not be read into memory.
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (properties.Value.ContentLength > LocalRegistry.MaxFileBytes)
            {
                return new RegistryBlobRead(null, $"it is larger than {LocalRegistry.MaxFileBytes} bytes");
            }

            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new RegistryBlobRead(content.Value.Content.ToMemory(), null);
        }
        catch (RequestFailedException e)
        {
            return new RegistryBlobRead(null, e.Status == 404 ? "it does not exist" : $"storage answered {e.Status} ({e.ErrorCode})");
        }
        catch (Exception e) when (e is Azure.Identity.AuthenticationFailedException or InvalidOperationException or IOException)
        {
            return new RegistryBlobRead(null, e.Message);
        }
    }
}
