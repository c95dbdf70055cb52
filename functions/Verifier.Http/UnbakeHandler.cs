using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verifier.Core.Baking;
using Verifier.Core.Input;

namespace Verifier.Http;

/// <summary><c>POST /api/unbake</c>: the payload baked into a PNG or SVG (raw body or multipart <c>file</c>/<c>image</c>) and where it was found.</summary>
public sealed class UnbakeHandler(IOptions<HttpOptions> options, CorsPolicy cors, RequestGate gate, ILogger<UnbakeHandler> logger)
    : ApiHandler(cors, logger, gate)
{
    private static readonly string[] FileFields = ["file", "image"];

    public override IReadOnlyList<string> Methods { get; } = [HttpMethods.Post];

    protected override async Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BadgeBody.ReadAsync(request, options.Value, FileFields, cancellationToken).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (ContentSniffer.Sniff(body.Bytes.Span) is not (SniffedFormat.Png or SniffedFormat.Svg))
        {
            return Problems.NothingVerifiable("Unbaking needs a PNG or SVG image; to check a badge document, POST it to /api/verify.");
        }

        var result = BadgeUnbaker.Unbake(body.Bytes.Span);
        return TypedResults.Ok(new UnbakeResponse(
            result.Status.ToString().ToLowerInvariant(),
            result.Location,
            result.Family.ToString(),
            result.Payload,
            result.Warnings));
    }
}

/// <summary>The JSON answer of <c>POST /api/unbake</c>.</summary>
public sealed record UnbakeResponse(string Status, string? Location, string Family, string? Payload, IReadOnlyList<string> Warnings);
