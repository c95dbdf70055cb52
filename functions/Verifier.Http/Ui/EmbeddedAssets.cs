using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Verifier.Http;

/// <summary>
/// Files embedded in this assembly (logical names "Verifier.Http.{folder}.{file}") served by name from a fixed list:
/// every host serves the same bytes, and a name not on the list is a 404, never a path into the assembly.
/// </summary>
internal sealed class EmbeddedAssets
{
    private readonly string _folder;
    private readonly Dictionary<string, string> _types;
    private readonly Dictionary<string, Lazy<byte[]>> _bytes;

    public EmbeddedAssets(string folder, Dictionary<string, string> types)
    {
        _folder = folder;
        _types = types;
        _bytes = types.Keys.ToDictionary(name => name, name => new Lazy<byte[]>(() => Load(name)), StringComparer.Ordinal);
    }

    public bool TryGet(string? name, out byte[] bytes, out string mediaType)
    {
        if (name is not null && _bytes.TryGetValue(name, out var lazy))
        {
            bytes = lazy.Value;
            mediaType = _types[name];
            return true;
        }

        bytes = [];
        mediaType = string.Empty;
        return false;
    }

    /// <summary>The Subresource Integrity value of an asset: sha384, base64.</summary>
    public string Integrity(string name) => "sha384-" + Convert.ToBase64String(SHA384.HashData(_bytes[name].Value));

    private byte[] Load(string name)
    {
        using var stream = typeof(EmbeddedAssets).Assembly.GetManifestResourceStream($"Verifier.Http.{_folder}.{name}")
            ?? throw new InvalidOperationException($"the asset {_folder}/{name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>Writes an asset with the headers its caller chose; a HEAD request gets the headers only.</summary>
internal sealed class AssetResult(byte[] body, string contentType, Action<IHeaderDictionary> headers) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        headers(response.Headers);
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(httpContext.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
