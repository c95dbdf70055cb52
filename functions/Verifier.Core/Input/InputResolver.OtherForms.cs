using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Reporting;

namespace Verifier.Core.Input;

/// <summary>The near misses: text in no badge form, and URLs that answer with something other than a badge.</summary>
public sealed partial class InputResolver
{
    /// <summary>
    /// Input that sniffs as none of the four forms: an SD-JWT is named (not supported yet), a base64-wrapped JWS or
    /// JSON document is unwrapped once and verified, an HTML page is named with what to look for instead.
    /// </summary>
    private static ResolvedPayload? FromOtherText(ReadOnlySpan<byte> bytes, VerificationContext context)
    {
        var checks = context.Checks;
        if (TextForms.LooksLikeHtml(bytes))
        {
            context.Input = WithFormat(context.Input, "html");
            checks.Fail(Ids.Format, TextForms.WebPageAdvice + "; or give the page's URL, and the verifier follows the badge link the page declares");
            return null;
        }

        var text = PayloadClassifier.Utf8(bytes);
        if (TextForms.IsSdJwt(text))
        {
            context.Input = WithFormat(context.Input, "sd-jwt");
            checks.Fail(Ids.Format, "the input is an SD-JWT (an issuer-signed JWT followed by '~' and selective disclosures): SD-JWT VC credentials are not supported by this verifier yet");
            return null;
        }

        if (TextForms.UnwrapBase64(text) is { } inner)
        {
            var format = inner.StartsWith('{') ? SniffedFormat.Json : SniffedFormat.Jws;
            checks.Pass(Ids.Format, $"the input is a {(format == SniffedFormat.Json ? "JSON document" : "compact JWS")} wrapped in base64; verified unwrapped");
            context.Input = new InputInfo { Kind = context.Input.Kind, Format = "base64", DeclaredMediaType = context.Input.DeclaredMediaType, Url = context.Input.Url, EmbeddedIn = "base64" };
            return FromSniffedText(format, inner, context, announce: false);
        }

        checks.Fail(Ids.Format, "the input is not a PNG or SVG image, a JSON document, a compact JWS or an http(s) URL");
        return null;
    }

    /// <summary>
    /// A URL that answered with neither JSON, a JWS nor a baked image. The fetch already asked for JSON first (Accept),
    /// which hosted badge platforms honour; a web page is then read once for the badge data it declares
    /// (<see cref="HtmlBadgeLinks"/>), which is fetched through the same guarded fetcher and judged on its own: the
    /// page adds no trust, and a page reached from a page is not read again.
    /// </summary>
    private async Task<ResolvedPayload?> FromOtherAnswerAsync(Uri url, FetchResult fetched, VerificationContext context, HtmlBadgeLink? via, CancellationToken ct)
    {
        var body = fetched.Body.Span;
        if (!TextForms.LooksLikeHtml(body) && !IsHtmlType(fetched.ContentType))
        {
            var inner = FromOtherText(body, context);
            return inner is null ? null : inner with { SourceUrl = url, Source = fetched with { Body = default } };
        }

        context.Input = WithFormat(context.Input, "html");
        var link = via is null ? HtmlBadgeLinks.Find(body, fetched.ServedFrom) : null;
        if (link is null)
        {
            context.Checks.Fail(Ids.Format, via is null
                ? $"{url.AbsoluteUri}: {TextForms.WebPageAdvice}; the page declares no badge data (no <link rel=\"alternate\"> with a JSON or JSON-LD type)"
                : $"{url.AbsoluteUri}, which {via.How} names as its badge data, is a web page too: {TextForms.WebPageAdvice}", url.AbsoluteUri);
            return null;
        }

        var followed = link with { How = $"{link.How} of {url.AbsoluteUri}" };
        context.Checks.Pass(Ids.Format, $"{url.AbsoluteUri} is a web page; it declares its badge data at {link.Url.AbsoluteUri} ({link.How}), which is verified", url.AbsoluteUri);
        context.Input = new InputInfo { Kind = context.Input.Kind, Format = "html", Url = link.Url.AbsoluteUri, EmbeddedIn = Via(followed) };
        return await FromUrlAsync(link.Url, context, followed, ct).ConfigureAwait(false);
    }

    private static string Via(HtmlBadgeLink link) => "html:" + link.How;

    private static bool IsHtmlType(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));
}
