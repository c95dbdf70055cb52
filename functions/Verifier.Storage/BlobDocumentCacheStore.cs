using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Verifier.Core.Fetching;

namespace Verifier.Storage;

/// <summary>
/// The shared tier of the document cache: one blob per cached answer, named by the SHA-256 of its cache key, with
/// the body as content and status, expiry and the key itself as metadata. Expired blobs are ignored on read and
/// overwritten on the next write; a lifecycle rule on the container may delete old ones.
/// </summary>
public sealed class BlobDocumentCacheStore(BlobContainerClient container) : IDocumentCacheStore
{
    internal const string KeyMetadata = "cachekey";
    internal const string StatusMetadata = "fetchstatus";
    internal const string HttpStatusMetadata = "httpstatus";
    internal const string ExpiresMetadata = "expiresunixms";
    internal const string FinalUrlMetadata = "finalurl";
    internal const string OffOriginMetadata = "offorigin";

    public BlobContainerClient Container { get; } = container;

    public async Task<CachedDocument?> GetAsync(string key, CancellationToken cancellationToken)
    {
        Response<BlobDownloadResult> response;
        try
        {
            response = await Container.GetBlobClient(BlobName(key)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        var details = response.Value.Details;
        var metadata = details.Metadata;
        if (!metadata.TryGetValue(KeyMetadata, out var storedKey) || Decode(storedKey) != key
            || !metadata.TryGetValue(StatusMetadata, out var status) || !Enum.TryParse<FetchStatus>(status, out var fetchStatus)
            || !metadata.TryGetValue(HttpStatusMetadata, out var code) || !int.TryParse(code, CultureInfo.InvariantCulture, out var httpStatus)
            || !metadata.TryGetValue(ExpiresMetadata, out var expires) || !long.TryParse(expires, CultureInfo.InvariantCulture, out var expiresMs))
        {
            // Not an entry this store wrote for this key (or a hash collision): a miss, never a wrong document.
            return null;
        }

        Uri? finalUrl = metadata.TryGetValue(FinalUrlMetadata, out var final) && final.Length > 0 ? new Uri(Decode(final)) : null;
        // Whether a redirect left the requested origin decides whom the document speaks for (docs/security.md rule 1).
        bool? offOrigin = metadata.TryGetValue(OffOriginMetadata, out var off) && bool.TryParse(off, out var parsedOff) ? parsedOff : null;
        return new CachedDocument(fetchStatus, httpStatus, details.ContentType, finalUrl, response.Value.Content.ToMemory(),
            DateTimeOffset.FromUnixTimeMilliseconds(expiresMs)) { RedirectedOffOrigin = offOrigin };
    }

    public async Task SetAsync(string key, CachedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = document.ContentType },
            // Metadata values travel as HTTP headers: keys and URLs are base64url so any character is safe.
            Metadata = new Dictionary<string, string>
            {
                [KeyMetadata] = Encode(key),
                [StatusMetadata] = document.Status.ToString(),
                [HttpStatusMetadata] = document.HttpStatusCode.ToString(CultureInfo.InvariantCulture),
                [ExpiresMetadata] = document.ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                [FinalUrlMetadata] = document.FinalUrl is null ? "" : Encode(document.FinalUrl.AbsoluteUri),
                [OffOriginMetadata] = (document.RedirectedOffOrigin ?? true) ? "true" : "false",
            },
        };
        var blob = Container.GetBlobClient(BlobName(key));
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(document.Body), options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // First write of a fresh deployment or Azurite; with managed identity the container normally exists.
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await blob.UploadAsync(BinaryData.FromBytes(document.Body), options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Cache keys carry arbitrary URLs; a hash gives a fixed-length, always-valid blob name.</summary>
    internal static string BlobName(string key) =>
        "documents/v1/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Encode(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    private static string Decode(string text) => Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(text));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
