using System.Text;
using System.Text.Json;
using Verifier.Core.Baking;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Reporting;

namespace Verifier.Core.Input;

/// <summary>
/// Turns whatever the caller sent (bytes, URL, text) into one badge payload: sniffs the format, unbakes images,
/// fetches URLs. Records its own checks; returns null when nothing verifiable was found.
/// </summary>
public sealed partial class InputResolver(IDocumentFetcher fetcher)
{
    public static class Ids
    {
        public const string Format = "input.format";
        public const string Unbake = "input.unbake";
        public const string Fetch = "input.fetch";
    }

    public async Task<ResolvedPayload?> ResolveAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        var input = context.Request.Input;
        switch (input.Kind)
        {
            case InputKind.Url:
                context.Input = new InputInfo { Kind = "url", Format = "url", Url = input.Url!.AbsoluteUri };
                return await FromUrlAsync(input.Url!, context, null, cancellationToken).ConfigureAwait(false);
            case InputKind.Text:
                var text = input.Text ?? string.Empty;
                return TryPlainText(text, context, out var payload)
                    ? payload
                    : await FromBytesAsync(Encoding.UTF8.GetBytes(text), "text", null, context, cancellationToken).ConfigureAwait(false);
            default:
                return await FromBytesAsync(input.Bytes, "bytes", input.DeclaredMediaType, context, cancellationToken, input).ConfigureAwait(false);
        }
    }

    /// <param name="input">The caller's input when <paramref name="bytes"/> are its bytes: its image is unbaked once.</param>
    private async Task<ResolvedPayload?> FromBytesAsync(ReadOnlyMemory<byte> bytes, string kind, string? declared, VerificationContext context, CancellationToken ct, VerificationInput? input = null)
    {
        var format = ContentSniffer.Sniff(bytes.Span);
        context.Input = new InputInfo { Kind = kind, Format = FormatName(format), DeclaredMediaType = declared };
        var checks = context.Checks;
        switch (format)
        {
            case SniffedFormat.Png:
            case SniffedFormat.Svg:
                return Unbaked(input?.Unbake() ?? BadgeUnbaker.Unbake(bytes.Span), context);
            case SniffedFormat.Json:
            case SniffedFormat.Jws:
                return FromSniffedText(format, PayloadClassifier.Utf8(bytes.Span), context);

            case SniffedFormat.Url:
            {
                var url = new Uri(PayloadText(PayloadClassifier.Utf8(bytes.Span)));
                checks.Pass(Ids.Format, "input is a URL");
                context.Input = new InputInfo { Kind = kind, Format = "url", Url = url.AbsoluteUri, DeclaredMediaType = declared };
                return await FromUrlAsync(url, context, null, ct).ConfigureAwait(false);
            }

            default:
                return FromOtherText(bytes.Span, context);
        }
    }

    /// <summary>
    /// Text that sniffs as JSON or a compact JWS is used as it is: encoding it to UTF-8 only to decode it again is the
    /// identity, except for lone surrogates (they would come back as U+FFFD), so text with any surrogate goes the byte way.
    /// </summary>
    private static bool TryPlainText(string text, VerificationContext context, out ResolvedPayload? payload)
    {
        payload = null;
        if (ContentSniffer.SniffTextShortcut(text) is not { } format || text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return false;
        }

        context.Input = new InputInfo { Kind = "text", Format = FormatName(format) };
        payload = FromSniffedText(format, text, context);
        return true;
    }

    private static ResolvedPayload? FromSniffedText(SniffedFormat format, string decoded, VerificationContext context, bool announce = true)
    {
        var text = PayloadText(decoded);
        if (format == SniffedFormat.Json)
        {
            var payload = Classified(PayloadKind.Json, text);

            // Only a document that did not parse has no family: the parser's reason and position, never "not a badge".
            if (payload.Family == BadgeFamily.Unknown && TextForms.JsonSyntaxError(text) is { } error)
            {
                context.Checks.Fail(Ids.Format, $"the input starts like a JSON document but is not valid JSON: {error}");
                return null;
            }

            if (announce)
            {
                context.Checks.Pass(Ids.Format, "input is a JSON document");
            }

            context.Input = WithPayload(context.Input, PayloadKind.Json, null);
            return payload;
        }

        if (announce)
        {
            context.Checks.Pass(Ids.Format, "input is a compact JWS");
        }

        context.Input = WithPayload(context.Input, PayloadKind.Jws, null);
        return Classified(PayloadKind.Jws, text);
    }

    private static InputInfo WithFormat(InputInfo info, string format) => new()
    {
        Kind = info.Kind,
        Format = format,
        DeclaredMediaType = info.DeclaredMediaType,
        Url = info.Url,
    };

    /// <summary>Picks the family; an OB 3.0 payload keeps the document parsed for that, so it is parsed once.</summary>
    private static ResolvedPayload Classified(PayloadKind kind, string text)
    {
        JsonDocument? parsed;
        var family = kind == PayloadKind.Jws ? PayloadClassifier.FamilyOfJws(text, out parsed) : PayloadClassifier.FamilyOfJsonText(text, out parsed);
        if (family != BadgeFamily.OpenBadges3)
        {
            parsed?.Dispose();
            parsed = null;
        }

        return new ResolvedPayload(kind, text, family) { Parsed = parsed };
    }

    private async Task<ResolvedPayload?> FromUrlAsync(Uri url, VerificationContext context, HtmlBadgeLink? via, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(url, FetchKind.Badge, ct).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            if (fetched.IsTransient)
            {
                context.Checks.Indeterminate(Ids.Fetch, fetched.Describe(), url.AbsoluteUri);
            }
            else
            {
                context.Checks.Fail(Ids.Fetch, fetched.Describe(), url.AbsoluteUri);
            }

            // An HTTP answer (404, 410) from the badge URL is still something the family verifier may explain
            // (410 Gone means revoked for a hosted OB 2.0 assertion), so hand it over as a JSON-less URL payload.
            return fetched.Status == FetchStatus.HttpError
                ? new ResolvedPayload(PayloadKind.Url, url.AbsoluteUri, BadgeFamily.OpenBadges2) { SourceUrl = url, Source = fetched with { Body = default } }
                : null;
        }

        context.Checks.Pass(Ids.Fetch, fetched.FinalUrl is { } final && !Trust.WebIdentity.SameDocument(final, url)
            ? $"fetched {url.AbsoluteUri}, served from {final.AbsoluteUri} ({fetched.ContentType ?? "no content type"})"
            : $"fetched {url.AbsoluteUri} ({fetched.ContentType ?? "no content type"})", url.AbsoluteUri);
        var source = fetched with { Body = default };
        var body = fetched.Body.Span;
        var format = ContentSniffer.Sniff(body);
        context.Input = new InputInfo { Kind = context.Input.Kind, Format = FormatName(format), Url = url.AbsoluteUri };
        switch (format)
        {
            case SniffedFormat.Png:
            case SniffedFormat.Svg:
                var unbaked = Unbaked(BadgeUnbaker.Unbake(body), context);
                return unbaked is null ? null : unbaked with { SourceUrl = url, Source = source };
            case SniffedFormat.Json:
                var json = PayloadText(PayloadClassifier.Utf8(body));
                var document = Classified(PayloadKind.Json, json);
                if (document.Family == BadgeFamily.Unknown && TextForms.JsonSyntaxError(json) is { } error)
                {
                    context.Checks.Fail(Ids.Format, $"{url.AbsoluteUri} answered with a document that is not valid JSON: {error}", url.AbsoluteUri);
                    return null;
                }

                context.Input = WithPayload(context.Input, PayloadKind.Json, via is null ? null : Via(via));
                return document with { SourceUrl = url, Source = source };
            case SniffedFormat.Jws:
                var jws = PayloadText(PayloadClassifier.Utf8(body));
                context.Input = WithPayload(context.Input, PayloadKind.Jws, via is null ? null : Via(via));
                return Classified(PayloadKind.Jws, jws) with { SourceUrl = url, Source = source };
            default:
                return await FromOtherAnswerAsync(url, fetched, context, via, ct).ConfigureAwait(false);
        }
    }

    private static ResolvedPayload? Unbaked(UnbakeResult result, VerificationContext context)
    {
        var checks = context.Checks;
        foreach (var warning in result.Warnings)
        {
            checks.Warn(Ids.Unbake, warning);
        }

        if (result.Status != UnbakeStatus.Found || result.Payload is null)
        {
            checks.Fail(Ids.Unbake, result.Error ?? "no badge is baked into this image");
            return null;
        }

        var kind = PayloadClassifier.KindOf(result.Payload);
        if (kind is null)
        {
            checks.Fail(Ids.Unbake, $"the payload baked at {result.Location} is not JSON, a compact JWS or a URL");
            return null;
        }

        checks.Pass(Ids.Unbake, $"found a baked {kind.Value.ToString().ToUpperInvariant()} payload at {result.Location}", result.Location);
        context.Input = WithPayload(context.Input, kind.Value, result.Location);
        var text = result.Payload.Trim();
        if (result.Family == BadgeFamily.Unknown && kind is PayloadKind.Json or PayloadKind.Jws)
        {
            return Classified(kind.Value, text) with { EmbeddedIn = result.Location };
        }

        var family = result.Family != BadgeFamily.Unknown ? result.Family : BadgeFamily.OpenBadges2;
        return new ResolvedPayload(kind.Value, text, family) { EmbeddedIn = result.Location };
    }

    private static InputInfo WithPayload(InputInfo info, PayloadKind kind, string? embeddedIn) => new()
    {
        Kind = info.Kind,
        Format = info.Format,
        DeclaredMediaType = info.DeclaredMediaType,
        Url = info.Url,
        EmbeddedIn = embeddedIn ?? info.EmbeddedIn,
        PayloadKind = kind switch
        {
            PayloadKind.Json => "json",
            PayloadKind.Jws => "jws",
            _ => "url",
        },
    };

    // The enum names in lower case, without formatting them on every verification.
    private static string FormatName(SniffedFormat format) => format switch
    {
        SniffedFormat.Png => "png",
        SniffedFormat.Svg => "svg",
        SniffedFormat.Json => "json",
        SniffedFormat.Jws => "jws",
        SniffedFormat.Url => "url",
        _ => "unknown",
    };

    /// <summary>The payload without surrounding white space or a byte order mark (which may itself be followed by white space).</summary>
    private static string PayloadText(string decoded) => decoded.Trim().TrimStart('\uFEFF').TrimStart();
}
