using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.Trust;

namespace Verifier.Core.Images;

/// <summary>
/// The badge image as a data: URI, for reports that ask for it (<c>image=true</c>), so a page or an embed can show it
/// without the reader's browser ever contacting a host the badge chose (a tracking pixel, an IP logger). A data: URI
/// in the badge is returned as given; a remote image is fetched through the guarded fetcher (FetchKind.Image: SSRF
/// rules, size cap, the request's fetch budget) and returned only when its header identifies it as PNG (ImageSharp
/// Identify on the bounded bytes: header and chunks, never a pixel decode) or its content sniffs as SVG. Kept apart
/// so the real-world inputs' remote image check can take its place.
/// </summary>
public sealed class BadgeImageEmbedder(IDocumentFetcher fetcher)
{
    /// <summary>Larger images are not embedded: a report is JSON, and a badge image is a few KB.</summary>
    public const int MaxEmbeddedBytes = 1024 * 1024;

    /// <summary>Only the PNG decoder is registered, so Identify can recognise nothing else.</summary>
    private static readonly Configuration PngOnly = new(new PngConfigurationModule());

    /// <returns>The data: URI, or null when there is no image, it cannot be fetched, is too large or is neither PNG nor SVG.</returns>
    public async Task<string?> EmbedAsync(string? image, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(image))
        {
            return null;
        }

        if (image.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase))
        {
            return image;
        }

        if (WebIdentity.HttpUrl(image) is not { } url)
        {
            return null;
        }

        var fetched = await fetcher.FetchAsync(url, FetchKind.Image, cancellationToken).ConfigureAwait(false);
        if (!fetched.IsOk || fetched.Body.Length > MaxEmbeddedBytes)
        {
            return null;
        }

        return MediaTypeOf(fetched.Body.Span) is { } type
            ? $"data:{type};base64,{Convert.ToBase64String(fetched.Body.Span)}"
            : null;
    }

    /// <summary>image/png or image/svg+xml when the bytes are one of those, else null (JPEG, HTML, garbage).</summary>
    public static string? MediaTypeOf(ReadOnlySpan<byte> bytes) => ContentSniffer.Sniff(bytes) switch
    {
        SniffedFormat.Png => IdentifiesAsPng(bytes) ? "image/png" : null,
        SniffedFormat.Svg => "image/svg+xml",
        _ => null,
    };

    private static bool IdentifiesAsPng(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var info = Image.Identify(PngOnly, bytes.ToArray(), out var format);
            return info is { Width: > 0, Height: > 0 } && format is PngFormat;
        }
        catch (Exception e) when (e is ImageFormatException or UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return false;
        }
    }
}
