using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Verifier.Core.Baking;
using Verifier.Core.Input;

namespace Verifier.Http;

/// <summary>The badge a request carries, with any form fields sent beside it; or the problem that stops it.</summary>
internal sealed class BadgeBody
{
    public VerificationInput? Input { get; private init; }

    /// <summary>The badge bytes (the file part, or the text field as UTF-8).</summary>
    public ReadOnlyMemory<byte> Bytes { get; private init; }

    public IResult? Problem { get; private init; }

    public Dictionary<string, string> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the body under the cap and finds the badge: raw body, multipart field, or form field.</summary>
    public static async Task<BadgeBody> ReadAsync(HttpRequest request, HttpOptions options, string[] fileFields, CancellationToken ct)
    {
        var (kind, mediaType) = MediaTypes.Classify(request.ContentType);
        if (kind == BodyKind.Unsupported)
        {
            return Fail(Problems.UnsupportedMediaType(mediaType, MediaTypes.Accepted));
        }

        if (kind == BodyKind.SdJwt)
        {
            return Fail(Problems.SdJwtNotSupported(declared: true));
        }

        var bytes = await BodyReader.ReadAsync(request, options.MaxBodyBytes, ct).ConfigureAwait(false);
        if (bytes is null)
        {
            return Fail(Problems.TooLarge(options.MaxBodyBytes));
        }

        return kind switch
        {
            BodyKind.Multipart => await FromMultipartAsync(request.ContentType!, bytes, fileFields, ct).ConfigureAwait(false),
            BodyKind.Form => FromForm(bytes),
            _ => FromBytes(bytes, mediaType, "The request body is empty: send a baked image, a badge document, a compact JWS or a badge URL."),
        };
    }

    /// <summary>Refuses bodies that cannot hold a badge, so a 200 always means a verification ran.</summary>
    private static BadgeBody FromBytes(byte[] bytes, string? mediaType, string emptyDetail)
    {
        if (bytes.Length == 0)
        {
            return Fail(Problems.NothingVerifiable(emptyDetail));
        }

        var input = VerificationInput.FromBytes(bytes, mediaType);
        switch (ContentSniffer.Sniff(bytes))
        {
            case SniffedFormat.Png:
            case SniffedFormat.Svg:
                var unbaked = input.Unbake(); // read once: the engine reuses it
                if (unbaked.Status != UnbakeStatus.Found)
                {
                    return Fail(Problems.NothingVerifiable(
                        $"No badge could be read from this image ({unbaked.Error ?? "no badge is baked into it"}). Send the baked badge image you were given, or its assertion URL."));
                }

                break;
            case SniffedFormat.Json when TextForms.JsonSyntaxError(bytes) is { } error:
                return Fail(Problems.MalformedJson(error));
            case SniffedFormat.Unknown when Unknown(bytes) is { } refused:
                return refused;
        }

        return new BadgeBody { Input = input, Bytes = bytes };
    }

    /// <summary>Names what a body in none of the four forms is; a base64-wrapped JWS or JSON goes on to be unwrapped.</summary>
    private static BadgeBody? Unknown(byte[] bytes)
    {
        if (TextForms.LooksLikeHtml(bytes))
        {
            return Fail(Problems.WebPage());
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (TextForms.IsSdJwt(text))
        {
            return Fail(Problems.SdJwtNotSupported(declared: false));
        }

        return TextForms.UnwrapBase64(text) is null
            ? Fail(Problems.NothingVerifiable("The body is neither a PNG or SVG image, a JSON document, a compact JWS/JWT, a base64-wrapped one nor an http(s) URL."))
            : null;
    }

    private static async Task<BadgeBody> FromMultipartAsync(string contentType, byte[] body, string[] fileFields, CancellationToken ct)
    {
        var form = await MultipartForm.ReadAsync(contentType, body, fileFields, ct).ConfigureAwait(false);
        return form.Error is not null
            ? Fail(Problems.NothingVerifiable(form.Error))
            : Choose(form.Files, form.Fields, fileFields);
    }

    private static BadgeBody FromForm(byte[] body)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
        {
            fields[key] = value.ToString();
        }

        return Choose([], fields, []);
    }

    private static BadgeBody Choose(Dictionary<string, (byte[] Bytes, string? Type)> files, Dictionary<string, string> fields, string[] fileFields)
    {
        BadgeBody result;
        // curl -F input=@badge.json sends the input field as a file part: it is still the input.
        var file = Array.Find([.. fileFields, "input"], files.ContainsKey);
        if (file is not null)
        {
            result = FromBytes(files[file].Bytes, files[file].Type, $"The '{file}' part is empty.");
        }
        else if ((fields.GetValueOrDefault("input") ?? fields.GetValueOrDefault("url")) is { } text && text.Trim().Length > 0)
        {
            result = FromBytes(Encoding.UTF8.GetBytes(text.Trim()), "text/plain", "The 'input' field is empty.");
        }
        else
        {
            return Fail(Problems.NothingVerifiable(
                "The form has no badge: send the image or document in a 'file' part, or a URL, JSON or JWS in an 'input' field."));
        }

        foreach (var (key, value) in fields)
        {
            result.Fields[key] = value;
        }

        return result;
    }

    private static BadgeBody Fail(IResult problem) => new() { Problem = problem };
}
