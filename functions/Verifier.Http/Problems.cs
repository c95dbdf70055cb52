using Microsoft.AspNetCore.Http;

namespace Verifier.Http;

/// <summary>
/// RFC 9457 problem details for requests that cannot be verified at all. A verification outcome (valid, invalid,
/// indeterminate) is never a problem: it is a 200 report. Each problem carries a stable <c>code</c> extension so
/// clients can branch without parsing the human-readable <c>detail</c>.
/// </summary>
public static class Problems
{
    public static IResult NothingVerifiable(string detail) => Create(StatusCodes.Status400BadRequest, "nothing-verifiable", detail);

    public static IResult BadParameter(string detail) => Create(StatusCodes.Status400BadRequest, "bad-parameter", detail);

    /// <summary>An SD-JWT (RFC 9901): recognised, not verified yet. 415 when its media type said so, else 400.</summary>
    public static IResult SdJwtNotSupported(bool declared) => Create(
        declared ? StatusCodes.Status415UnsupportedMediaType : StatusCodes.Status400BadRequest,
        "sd-jwt-not-supported",
        "This is an SD-JWT (an issuer-signed JWT followed by '~' and selective disclosures). SD-JWT VC credentials are not supported by this verifier yet; send the credential as a VC-JWT, a JSON credential with an embedded proof, or a baked image.");

    public static IResult MalformedJson(string error) => Create(
        StatusCodes.Status400BadRequest,
        "malformed-json",
        $"The body starts like a JSON document but is not valid JSON: {error}.");

    public static IResult WebPage() => Create(
        StatusCodes.Status400BadRequest,
        "web-page",
        "The body is a web page (HTML), not a badge. Send the baked badge image, its JSON, or its JWS; or send the page's address with GET /api/verify?url=…, and the verifier follows the badge data the page declares.");

    public static IResult TooLarge(long limit) => Create(
        StatusCodes.Status413PayloadTooLarge,
        "body-too-large",
        $"The request body is larger than the {Describe(limit)} this service accepts. Send the badge's URL with GET /api/verify?url=… instead, or a smaller image.");

    public static IResult UnsupportedMediaType(string? mediaType, string accepted) => Create(
        StatusCodes.Status415UnsupportedMediaType,
        "unsupported-media-type",
        $"Content-Type '{mediaType}' cannot hold a badge. Send one of: {accepted}; or omit Content-Type and the body is sniffed.");

    public static IResult Create(int status, string code, string detail) => TypedResults.Problem(
        detail: detail,
        statusCode: status,
        extensions: new Dictionary<string, object?> { ["code"] = code });

    private static string Describe(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MB"
        : $"{bytes} bytes";
}
