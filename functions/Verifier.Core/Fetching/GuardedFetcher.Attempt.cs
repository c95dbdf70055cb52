using System.Net;
using System.Net.Http.Headers;

namespace Verifier.Core.Fetching;

internal sealed partial class GuardedFetcher
{
    /// <summary>One attempt: every redirect hop, headers and body, within <see cref="FetchOptions.Timeout"/>.</summary>
    private async ValueTask<Attempt> AttemptAsync(Uri url, FetchKind kind, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var current = url;
        var offOrigin = false;
        try
        {
            for (var hop = 0; ; hop++)
            {
                var refusal = UrlPolicy.Refusal(current, _options.AllowLoopback);
                if (refusal is not null)
                {
                    return new(Result(FetchStatus.Refused, url, current, hop == 0 ? refusal : $"redirect to {current}: {refusal}"), false);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, MapHost(current));
                request.Headers.Accept.ParseAdd(AcceptFor(kind));
                request.Headers.UserAgent.ParseAdd(_options.UserAgent);
                var client = _clients.CreateClient(HttpClientName);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token)
                    .ConfigureAwait(false);

                var status = (int)response.StatusCode;
                if (IsRedirect(response.StatusCode))
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        return new(Result(FetchStatus.Refused, url, current, $"more than {_options.MaxRedirects} redirects", status), false);
                    }

                    if (response.Headers.Location is not { } location)
                    {
                        return new(Result(FetchStatus.HttpError, url, current, $"HTTP {status} redirect without a Location", status), false);
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    offOrigin |= !Trust.WebIdentity.SameSite(current, url);
                    continue;
                }

                var answer = await ReadResponseAsync(url, current, kind, response, deadline.Token).ConfigureAwait(false);
                return offOrigin ? answer with { Result = answer.Result with { RedirectedOffOrigin = true } } : answer;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Our own attempt deadline, or the handler's connect timeout (which leaves the deadline running).
            return timeout.IsCancellationRequested
                ? new(Result(FetchStatus.Unavailable, url, current, $"no complete answer within {_options.Timeout.TotalSeconds:0.#} s"), false)
                : new(Result(FetchStatus.Unavailable, url, current, $"connecting took more than {_options.ConnectTimeout.TotalSeconds:0.#} s"), true);
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            return new(Result(FetchStatus.Refused, url, current, refused.Message), false);
        }
        catch (HttpRequestException e) when (e.InnerException is HostNotFoundException notFound)
        {
            return new(Result(FetchStatus.Unavailable, url, current, notFound.Message), false);
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError switch
            {
                HttpRequestError.ConfigurationLimitExceeded =>
                    new(Result(FetchStatus.TooLarge, url, current, $"response headers larger than {_options.MaxResponseHeadersKiB} KiB"), false),
                HttpRequestError.SecureConnectionError =>
                    new(Result(FetchStatus.Unavailable, url, current, $"TLS failure: {Innermost(e)}"), false),
                HttpRequestError.NameResolutionError =>
                    new(Result(FetchStatus.Unavailable, url, current, $"host name not resolved: {Innermost(e)}"), false),
                HttpRequestError.InvalidResponse =>
                    new(Result(FetchStatus.Unavailable, url, current, $"invalid HTTP response: {Innermost(e)}"), false),
                _ => new(Result(FetchStatus.Unavailable, url, current, $"connection failed: {Innermost(e)}"), true),
            };
        }
        catch (IOException e)
        {
            // Reading the body failed: reset, or the server closed before sending what it announced.
            return new(Result(FetchStatus.Unavailable, url, current, $"the response broke off: {Innermost(e)}"), true);
        }
    }

    private async Task<Attempt> ReadResponseAsync(Uri url, Uri final, FetchKind kind, HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType?.MediaType;

        // 5xx, 408 and 429 say nothing about the badge: the server could not answer now (indeterminate). 4xx are
        // answers (404/410 make a badge invalid) and never retried; 500/502/503/504 may be gone on a second try.
        if (status >= 500 || status is 408 or 429)
        {
            var retryable = status is 500 or 502 or 503 or 504;
            return new(Result(FetchStatus.Unavailable, url, final, $"the server answered HTTP {status}", status, contentType), retryable);
        }

        var limit = _options.MaxBytesFor(kind);
        var body = await CappedBody.ReadAsync(response.Content, limit, ct).ConfigureAwait(false);
        if (body is null)
        {
            return new(Result(FetchStatus.TooLarge, url, final, $"the body is larger than {limit} bytes", status, contentType), false);
        }

        var caching = CacheDirectives.From(response.Headers, response.Content.Headers);
        if (status is < 200 or >= 300)
        {
            return new(new(FetchStatus.HttpError, url, final, status, contentType, body.Value, $"HTTP {status}") { Caching = caching }, false);
        }

        // A document or status-list request answered by an HTML page is an error page, a login wall or a captive
        // portal, not the issuer's document or list: indeterminate rather than a parse failure blamed on the badge
        // (and never an empty list: docs/security.md rule 4). Anything else passes
        // (JSON under a wrong label, a 1.0 PEM key): callers sniff content and never trust the header.
        if (kind is FetchKind.Document or FetchKind.StatusList && IsHtml(contentType) && !CappedBody.LooksLikeJson(body.Value.Span))
        {
            return new(Result(FetchStatus.Unavailable, url, final, $"expected a JSON document but got an HTML page ({contentType})", status, contentType), false);
        }

        return new(new(FetchStatus.Ok, url, final, status, contentType, body.Value, null) { Caching = caching }, false);
    }

    private Uri MapHost(Uri url)
    {
        if (!_options.AllowLoopback || _options.HostMap.Count == 0
            || (!_options.HostMap.TryGetValue(url.Authority, out var target) && !_options.HostMap.TryGetValue(url.Host, out target)))
        {
            return url;
        }

        var baseUri = new Uri(target);
        return new UriBuilder(url) { Scheme = baseUri.Scheme, Host = baseUri.Host, Port = baseUri.Port }.Uri;
    }

    private static bool IsRedirect(HttpStatusCode code) => code is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool IsHtml(string? mediaType) =>
        string.Equals(mediaType, "text/html", StringComparison.OrdinalIgnoreCase)
        || string.Equals(mediaType, "application/xhtml+xml", StringComparison.OrdinalIgnoreCase);

    private static string AcceptFor(FetchKind kind) => kind switch
    {
        FetchKind.Image => "image/png, image/svg+xml;q=0.9, */*;q=0.1",
        FetchKind.Badge => "application/ld+json, application/json;q=0.9, image/png;q=0.8, image/svg+xml;q=0.8, */*;q=0.1",
        FetchKind.StatusList => "application/vc+jwt, application/vc+ld+json, application/ld+json, application/json;q=0.9, */*;q=0.1",
        _ => "application/ld+json, application/json;q=0.9, */*;q=0.1",
    };

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }
}
