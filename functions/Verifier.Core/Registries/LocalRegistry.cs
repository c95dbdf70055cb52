namespace Verifier.Core.Registries;

/// <summary>
/// A <c>local</c> registry: the deployment's own list (an employer's or a platform's allow-list) in the dcc-legacy
/// format, from a file, from configuration, or from a blob. Unlike the public registries it may list issuers
/// identified by an https URL (OB 2.0 hosted Profiles, OB 3.0 URL issuers), matched under docs/security.md rule 1.
/// </summary>
public sealed class LocalRegistry : IIssuerRegistry
{
    /// <summary>A local file larger than this is refused rather than read into memory.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>How long a blob-backed list is used before it is read again.</summary>
    public static readonly TimeSpan BlobRefresh = TimeSpan.FromMinutes(5);

    private readonly Func<CancellationToken, ValueTask<Loaded>> _load;

    private LocalRegistry(string name, Func<CancellationToken, ValueTask<Loaded>> load)
    {
        Name = name;
        _load = load;
    }

    public string Name { get; }

    public string Type => RegistryTypes.Local;

    public bool ListsWebIdentities => true;

    /// <summary>Entries given in configuration, read once.</summary>
    public static LocalRegistry FromEntries(string name, IEnumerable<RegistryEntryOptions> entries)
    {
        var document = RegistryDocument.FromOptions(entries, name, out var error);
        var loaded = new Loaded(document, error is null ? null : $"its entries in configuration are refused: {error}");
        return new LocalRegistry(name, _ => ValueTask.FromResult(loaded));
    }

    /// <summary>A file, read once at first use (a changed file is read again when the service restarts).</summary>
    public static LocalRegistry FromFile(string name, string path)
    {
        var once = new Lazy<Loaded>(() => ReadFile(name, path), LazyThreadSafetyMode.ExecutionAndPublication);
        return new LocalRegistry(name, _ => ValueTask.FromResult(once.Value));
    }

    /// <summary>A blob in the deployment's storage account, read again every <see cref="BlobRefresh"/>; a failed read is retried on the next lookup.</summary>
    public static LocalRegistry FromBlob(string name, string blob, IRegistryBlobReader reader, TimeProvider time)
    {
        var cache = new BlobCache(name, blob, reader, time);
        return new LocalRegistry(name, cache.LoadAsync);
    }

    public async ValueTask<RegistryAnswer> LookUpAsync(RegistryIdentity identity, CancellationToken cancellationToken)
    {
        var loaded = await _load(cancellationToken).ConfigureAwait(false);
        if (loaded.Document is null)
        {
            return RegistryAnswer.Unchecked(loaded.Error ?? "the list could not be read");
        }

        return loaded.Document.Find(identity) is { } listing ? RegistryAnswer.Listed(listing) : RegistryAnswer.NotListed();
    }

    private static Loaded ReadFile(string name, string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new Loaded(null, $"the file {path} does not exist");
            }

            if (info.Length > MaxFileBytes)
            {
                return new Loaded(null, $"the file {path} is larger than {MaxFileBytes} bytes");
            }

            var document = RegistryDocument.Parse(File.ReadAllBytes(path), name, out var error);
            return new Loaded(document, error is null ? null : $"the file {path} is not a registry document: {error}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new Loaded(null, $"the file {path} could not be read: {e.Message}");
        }
    }

    private sealed record Loaded(RegistryDocument? Document, string? Error);

    /// <summary>The last good read of a blob and when it was made; failures are not kept (the next lookup tries again).</summary>
    private sealed class BlobCache(string name, string blob, IRegistryBlobReader reader, TimeProvider time)
    {
        private Kept? _last;

        public async ValueTask<Loaded> LoadAsync(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _last) is { } kept && time.GetUtcNow() - kept.ReadAt < BlobRefresh)
            {
                return kept.Value;
            }

            var read = await reader.ReadAsync(blob, cancellationToken).ConfigureAwait(false);
            if (read.Body is not { } body)
            {
                return new Loaded(null, $"the blob {blob} could not be read: {read.Error}");
            }

            var document = RegistryDocument.Parse(body, name, out var error);
            var loaded = new Loaded(document, error is null ? null : $"the blob {blob} is not a registry document: {error}");
            if (document is not null)
            {
                Volatile.Write(ref _last, new Kept(loaded, time.GetUtcNow()));
            }

            return loaded;
        }

        private sealed record Kept(Loaded Value, DateTimeOffset ReadAt);
    }
}

/// <summary>
/// Reads a local registry kept as a blob in the deployment's storage account (registered by Verifier.Storage when
/// a blob service is configured). Never throws for storage failures: the error says what went wrong.
/// </summary>
public interface IRegistryBlobReader
{
    Task<RegistryBlobRead> ReadAsync(string blobName, CancellationToken cancellationToken);
}

/// <summary>A blob's bytes, or why they could not be read.</summary>
public readonly record struct RegistryBlobRead(ReadOnlyMemory<byte>? Body, string? Error);
