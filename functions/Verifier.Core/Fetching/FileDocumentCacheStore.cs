using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Verifier.Core.Fetching;

/// <summary>
/// The document cache's tier on disk (local host, CLI): one file per entry, named by the SHA-256 of its cache key,
/// holding a small JSON header (the key itself, status, expiry, final URL, whether a redirect left the origin) and the
/// body. Writes go to a temporary file that is then renamed over the entry, so a reader never sees half an entry.
/// An entry whose key does not match, that cannot be read, or whose expiry has passed by the injected clock is a
/// miss; the folder is trimmed to its byte cap, expired and oldest entries first.
/// </summary>
internal sealed class FileDocumentCacheStore : IDocumentCacheStore
{
    private const uint Magic = 0x56444331; // "VDC1"
    private const string Extension = ".entry";

    private readonly string _folder;
    private readonly long _maxBytes;
    private readonly TimeProvider _time;
    private readonly Lock _trim = new();
    private long _bytes = -1;

    public FileDocumentCacheStore(string folder, long maxBytes, TimeProvider time)
    {
        _folder = Path.GetFullPath(folder);
        _maxBytes = maxBytes;
        _time = time;
        System.IO.Directory.CreateDirectory(_folder);
    }

    public string Folder => _folder;

    public async Task<CachedDocument?> GetAsync(string key, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(PathFor(key), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var document = Decode(bytes, key);
        return document is not null && document.ExpiresAt > _time.GetUtcNow() ? document : null;
    }

    public async Task SetAsync(string key, CachedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var target = PathFor(key);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        var bytes = Encode(key, document);
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        // The running total starts unknown (-1): the first write scans the folder, later ones trim only past the cap.
        if (Interlocked.Add(ref _bytes, bytes.Length) > _maxBytes || Volatile.Read(ref _bytes) < bytes.Length)
        {
            Trim();
        }
    }

    /// <summary>Deletes expired entries, then the oldest, until the folder holds at most 90 % of its cap.</summary>
    internal void Trim()
    {
        lock (_trim)
        {
            var now = _time.GetUtcNow();
            var entries = new DirectoryInfo(_folder).EnumerateFiles("*" + Extension)
                .Select(f => (File: f, Expired: IsExpired(f, now)))
                .OrderByDescending(e => e.Expired).ThenBy(e => e.File.LastWriteTimeUtc)
                .ToList();
            var total = entries.Sum(e => e.File.Length);
            foreach (var (file, expired) in entries)
            {
                if (!expired && total <= _maxBytes * 9 / 10)
                {
                    break;
                }

                try
                {
                    total -= file.Length;
                    file.Delete();
                }
                catch (IOException)
                {
                    // Another process removed or replaced it: nothing to free here.
                }
            }

            Volatile.Write(ref _bytes, total);
        }
    }

    private static bool IsExpired(FileInfo file, DateTimeOffset now)
    {
        try
        {
            using var stream = file.OpenRead();
            Span<byte> head = stackalloc byte[8];
            stream.ReadExactly(head);
            var headerLength = BinaryPrimitives.ReadInt32BigEndian(head[4..]);
            if (BinaryPrimitives.ReadUInt32BigEndian(head) != Magic || headerLength is <= 0 or > 64 * 1024)
            {
                return true;
            }

            var header = new byte[headerLength];
            stream.ReadExactly(header);
            return JsonSerializer.Deserialize(header, EntryHeaderJson.Default.EntryHeader) is not { } h
                || DateTimeOffset.FromUnixTimeMilliseconds(h.ExpiresUnixMs) <= now;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>Keys carry arbitrary URLs; a hash gives a fixed-length, always-valid file name.</summary>
    private string PathFor(string key) =>
        Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + Extension);

    private static byte[] Encode(string key, CachedDocument document)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new EntryHeader(
            key, document.Status, document.HttpStatusCode, document.ContentType, document.FinalUrl?.AbsoluteUri,
            document.ExpiresAt.ToUnixTimeMilliseconds(), document.RedirectedOffOrigin ?? true), EntryHeaderJson.Default.EntryHeader);
        var bytes = new byte[8 + header.Length + document.Body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), header.Length);
        header.CopyTo(bytes.AsSpan(8));
        document.Body.Span.CopyTo(bytes.AsSpan(8 + header.Length));
        return bytes;
    }

    private static CachedDocument? Decode(byte[] bytes, string key)
    {
        if (bytes.Length < 8 || BinaryPrimitives.ReadUInt32BigEndian(bytes) != Magic)
        {
            return null;
        }

        var headerLength = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        if (headerLength <= 0 || headerLength > bytes.Length - 8)
        {
            return null;
        }

        EntryHeader? header;
        try
        {
            header = JsonSerializer.Deserialize(bytes.AsSpan(8, headerLength), EntryHeaderJson.Default.EntryHeader);
        }
        catch (JsonException)
        {
            return null;
        }

        // Not an entry written for this key (or a hash collision): a miss, never a wrong document.
        if (header is null || header.Key != key || !Uri.TryCreate(header.FinalUrl ?? "", UriKind.Absolute, out var final) && header.FinalUrl is not null)
        {
            return null;
        }

        // Whether a redirect left the requested origin decides whom the document speaks for (docs/security.md rule 1).
        return new CachedDocument(header.Status, header.HttpStatus, header.ContentType, final, bytes.AsMemory(8 + headerLength),
            DateTimeOffset.FromUnixTimeMilliseconds(header.ExpiresUnixMs)) { RedirectedOffOrigin = header.OffOrigin };
    }
}

internal sealed record EntryHeader(string Key, FetchStatus Status, int HttpStatus, string? ContentType, string? FinalUrl, long ExpiresUnixMs, bool OffOrigin);

[System.Text.Json.Serialization.JsonSerializable(typeof(EntryHeader))]
internal sealed partial class EntryHeaderJson : System.Text.Json.Serialization.JsonSerializerContext;
