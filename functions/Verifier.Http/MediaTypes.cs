using Microsoft.Net.Http.Headers;

namespace Verifier.Http;

/// <summary>What a request's Content-Type says the body is. The body is still sniffed: the type is only a hint.</summary>
internal enum BodyKind
{
    /// <summary>No Content-Type, or a generic one (application/octet-stream): sniff the bytes.</summary>
    Sniff,
    Image,
    Document,
    Text,
    Multipart,
    Form,

    /// <summary>An SD-JWT media type (application/sd-jwt, vc+sd-jwt, dc+sd-jwt): recognised, not supported yet.</summary>
    SdJwt,
    Unsupported,
}

internal static class MediaTypes
{
    public const string Accepted =
        "image/png, image/svg+xml, application/json, application/ld+json, application/vc+ld+json, text/plain, " +
        "application/jwt, application/jose, application/vc+jwt, multipart/form-data, application/x-www-form-urlencoded";

    public static (BodyKind Kind, string? MediaType) Classify(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return (BodyKind.Sniff, null);
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } type)
        {
            return (BodyKind.Unsupported, contentType);
        }

        type = type.ToLowerInvariant();
        var kind = type switch
        {
            "image/png" or "image/svg+xml" => BodyKind.Image,
            "application/json" or "application/ld+json" or "application/vc+ld+json" => BodyKind.Document,
            "text/plain" or "application/jwt" or "application/jose" or "application/vc+jwt" => BodyKind.Text,
            "multipart/form-data" => BodyKind.Multipart,
            "application/x-www-form-urlencoded" => BodyKind.Form,
            "application/octet-stream" or "*/*" => BodyKind.Sniff,
            "application/sd-jwt" or "application/vc+sd-jwt" or "application/dc+sd-jwt" => BodyKind.SdJwt,
            _ => BodyKind.Unsupported,
        };
        return (kind, type);
    }
}
