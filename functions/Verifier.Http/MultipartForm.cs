using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Verifier.Http;

/// <summary>
/// A multipart/form-data body (RFC 7578) already read under the body cap: file parts by name, and short text fields.
/// Parts named in <c>fileFields</c> count as files even without a filename (curl -F name=&lt;file sends none).
/// </summary>
internal sealed class MultipartForm
{
    /// <summary>Text fields longer than this are ignored: they are options (recipient, policy), not content.</summary>
    private const int MaxFieldBytes = 16 * 1024;

    public Dictionary<string, (byte[] Bytes, string? Type)> Files { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Error { get; private init; }

    public static async Task<MultipartForm> ReadAsync(string contentType, byte[] body, string[] fileFields, CancellationToken ct)
    {
        var boundary = MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? HeaderUtilities.RemoveQuotes(parsed.Boundary).Value
            : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return new MultipartForm { Error = "multipart/form-data needs a boundary parameter in its Content-Type." };
        }

        var form = new MultipartForm();
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body, writable: false));
            while (await reader.ReadNextSectionAsync(ct).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    continue;
                }

                using var buffer = new MemoryStream();
                await section.Body.CopyToAsync(buffer, ct).ConfigureAwait(false);
                if (disposition.IsFileDisposition() || Array.Exists(fileFields, f => f.Equals(name, StringComparison.OrdinalIgnoreCase)))
                {
                    form.Files[name] = (buffer.ToArray(), section.ContentType);
                }
                else if (buffer.Length <= MaxFieldBytes)
                {
                    form.Fields[name] = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                }
            }
        }
        catch (IOException e)
        {
            return new MultipartForm { Error = $"The multipart body could not be read: {e.Message}" };
        }

        return form;
    }
}
