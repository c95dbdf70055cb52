using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verifier.Core.Baking;

namespace Verifier.Http;

/// <summary>
/// <c>POST /api/bake</c>, multipart with an <c>image</c> part (PNG or SVG) and a <c>badge</c> part or field (JSON,
/// compact JWS or URL): answers the baked image. Only the badge is inserted; every other byte of the image stays.
/// </summary>
public sealed class BakeHandler(IOptions<HttpOptions> options, CorsPolicy cors, RequestGate gate, ILogger<BakeHandler> logger) : ApiHandler(cors, logger, gate)
{
    private static readonly string[] FileFields = ["image"];

    public override IReadOnlyList<string> Methods { get; } = [HttpMethods.Post];

    protected override async Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (kind, mediaType) = MediaTypes.Classify(request.ContentType);
        if (kind != BodyKind.Multipart)
        {
            return Problems.UnsupportedMediaType(mediaType, "multipart/form-data with an 'image' part and a 'badge' part");
        }

        var body = await BodyReader.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problems.TooLarge(options.Value.MaxBodyBytes);
        }

        var form = await MultipartForm.ReadAsync(request.ContentType!, body, FileFields, cancellationToken).ConfigureAwait(false);
        if (form.Error is not null)
        {
            return Problems.NothingVerifiable(form.Error);
        }

        if (!form.Files.TryGetValue("image", out var image) || image.Bytes.Length == 0)
        {
            return Problems.NothingVerifiable("Send the PNG or SVG to bake into as an 'image' part.");
        }

        var badge = form.Files.TryGetValue("badge", out var badgeFile)
            ? Encoding.UTF8.GetString(badgeFile.Bytes)
            : form.Fields.GetValueOrDefault("badge");
        if (string.IsNullOrWhiteSpace(badge))
        {
            return Problems.NothingVerifiable("Send the badge (its JSON, compact JWS or URL) as a 'badge' part or field.");
        }

        if (!BadgeBaker.TryBake(image.Bytes, badge, out var baked, out var error))
        {
            return Problems.NothingVerifiable($"The badge could not be baked: {error}.");
        }

        var isPng = baked.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]);
        return TypedResults.File(baked, isPng ? "image/png" : "image/svg+xml", isPng ? "baked.png" : "baked.svg");
    }
}
