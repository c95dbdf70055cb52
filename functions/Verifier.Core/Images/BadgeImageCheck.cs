using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.Images;

internal enum ImageFindingKind
{
    PngOrSvg,
    OtherFormat,
    Unidentified,
    Unreachable,
    NotFetched,
}

/// <summary>What the image check found: recorded once the verification is ready for it, so reports keep one order.</summary>
internal sealed record ImageFinding(ImageFindingKind Kind, string Message, string Subject);

/// <summary>
/// The badge image (OB 2.0 BadgeClass <c>image</c>, OB 3.0 Achievement <c>image</c>): fetched once through the guarded
/// fetcher (FetchKind.Image, capped and cached like every document) or decoded from its data URI, and identified from
/// its header (<see cref="ImageIdentifier"/>). It never decides authenticity: an unreachable image is a warning, and a
/// format other than PNG or SVG is a conformance failure where the specification requires those formats (OB 2.0
/// BadgeClass: "This must be a PNG or SVG image") and a warning where it does not (OB 3.0 Achievement). The fetch runs
/// beside the other checks and has its own time limit, so a slow image host never holds the verdict up.
/// </summary>
internal sealed class BadgeImageCheck(IDocumentFetcher fetcher, IOptions<VerifierOptions> options)
{
    /// <summary>The image's share of a verification's deadline.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(4);

    /// <summary>The id of an image value: a string IRI, or an Image object's <c>id</c>.</summary>
    public static string? ImageId(JsonElement? image) => image switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Object } o when o.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
        _ => null,
    };

    /// <inheritdoc cref="ImageId(JsonElement?)"/>
    public static string? ImageId(JsonNode? image) => image switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o when o["id"] is JsonValue id && id.TryGetValue<string>(out var s) => s,
        _ => null,
    };

    /// <summary>Fetches (or decodes) and identifies the image; null when there is no image to look at.</summary>
    public async Task<ImageFinding?> InspectAsync(string? image, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return null;
        }

        var subject = image.Length > 120 ? image[..120] + "…" : image;
        var max = options.Value.Fetch.MaxImageBytes;
        if (image.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return DataUri.Decode(image, max) is { } bytes
                ? Identify(bytes, "the badge image (a data URI)", subject)
                : new ImageFinding(ImageFindingKind.Unidentified, "the badge image is a data URI that cannot be decoded", subject);
        }

        if (WebIdentity.HttpUrl(image) is not { } url)
        {
            return new ImageFinding(ImageFindingKind.NotFetched, $"the badge image {subject} is not an http(s) URL or a data URI, so it was not looked at", subject);
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(MaxWait);
        FetchResult fetched;
        try
        {
            fetched = await fetcher.FetchAsync(url, FetchKind.Image, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ImageFinding(ImageFindingKind.Unreachable, $"the badge image at {url} did not arrive within {MaxWait.TotalSeconds:0} s", subject);
        }

        return fetched.IsOk
            ? Identify(fetched.Body.Span, $"the badge image at {url}", subject)
            : new ImageFinding(ImageFindingKind.Unreachable, $"the badge image could not be fetched ({fetched.Describe()})", subject);
    }

    /// <summary>
    /// Records a finding under <paramref name="checkId"/>. <paramref name="rule"/> names the requirement (with
    /// <paramref name="required"/> true when it is a specification MUST).
    /// </summary>
    public static void Record(ImageFinding? finding, CheckCollector checks, string checkId, string rule, bool required)
    {
        ArgumentNullException.ThrowIfNull(checks);
        switch (finding?.Kind)
        {
            case null:
                return;
            case ImageFindingKind.PngOrSvg:
                checks.Pass(checkId, finding.Message, finding.Subject);
                break;
            case ImageFindingKind.OtherFormat or ImageFindingKind.Unidentified when required:
                checks.Conformance(checkId, $"{finding.Message}; {rule}", finding.Subject);
                break;
            case ImageFindingKind.OtherFormat or ImageFindingKind.Unidentified:
                checks.Warn(checkId, $"{finding.Message}; {rule}", finding.Subject);
                break;
            case ImageFindingKind.NotFetched:
                checks.Skip(checkId, finding.Message, finding.Subject);
                break;
            default:
                // What the badge looks like is not part of what proves it.
                checks.Warn(checkId, finding.Message + "; the image is not part of what proves the badge", finding.Subject);
                break;
        }
    }

    private static ImageFinding Identify(ReadOnlySpan<byte> bytes, string what, string subject) => ImageIdentifier.Identify(bytes) switch
    {
        { IsPngOrSvg: true } facts => new(ImageFindingKind.PngOrSvg, $"{what} is a {facts}", subject),
        { } facts => new(ImageFindingKind.OtherFormat, $"{what} is a {facts}, not a PNG or SVG image", subject),
        null => new(ImageFindingKind.Unidentified, $"{what} is not an image format this verifier recognises", subject),
    };
}
