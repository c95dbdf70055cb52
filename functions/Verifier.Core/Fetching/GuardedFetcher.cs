using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;

namespace Verifier.Core.Fetching;

/// <summary>
/// The guarded fetcher: every network request of the engine goes through here. It follows redirects itself so
/// each hop is re-checked, caps body size while reading, and relies on <see cref="CreateHandler"/>'s connect
/// callback to connect only to an address it validated (no DNS-rebinding window).
/// </summary>
public sealed class GuardedFetcher : IDocumentFetcher
{
    public const string HttpClientName = "Verifier.Fetch";

    private readonly IHttpClientFactory _clients;
    private readonly FetchOptions _options;

    public GuardedFetcher(IHttpClientFactory clients, IOptions<VerifierOptions> options)
    {
        _clients = clients;
        _options = options.Value.Fetch;
    }

    public async Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        var current = url;
        try
        {
            for (var hop = 0; ; hop++)
            {
                var refusal = UrlRefusal(current);
                if (refusal is not null)
                {
                    return new(FetchStatus.Refused, url, current, null, null, default, refusal);
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, MapHost(current));
                request.Headers.Accept.ParseAdd(AcceptFor(kind));
                request.Headers.UserAgent.ParseAdd(_options.UserAgent);
                var client = _clients.CreateClient(HttpClientName);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token)
                    .ConfigureAwait(false);

                if (IsRedirect(response.StatusCode))
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        return new(FetchStatus.Refused, url, current, (int)response.StatusCode, null, default,
                            $"more than {_options.MaxRedirects} redirects");
                    }

                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return new(FetchStatus.HttpError, url, current, (int)response.StatusCode, null, default, "redirect without Location");
                    }

                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                var status = (int)response.StatusCode;
                var contentType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500)
                {
                    return new(FetchStatus.Unavailable, url, current, status, contentType, default, $"server error HTTP {status}");
                }

                var limit = kind is FetchKind.Image or FetchKind.Badge or FetchKind.StatusList ? _options.MaxImageBytes : _options.MaxDocumentBytes;
                var (body, tooLarge) = await ReadCappedAsync(response.Content, limit, deadline.Token).ConfigureAwait(false);
                if (tooLarge)
                {
                    return new(FetchStatus.TooLarge, url, current, status, contentType, default, $"more than {limit} bytes");
                }

                return status is >= 200 and < 300
                    ? new(FetchStatus.Ok, url, current, status, contentType, body, null)
                    : new(FetchStatus.HttpError, url, current, status, contentType, body, $"HTTP {status}");
            }
        }
        catch (AddressRefusedException e)
        {
            return new(FetchStatus.Refused, url, current, null, null, default, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(FetchStatus.Unavailable, url, current, null, null, default, "timed out");
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            return new(FetchStatus.Refused, url, current, null, null, default, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new(FetchStatus.Unavailable, url, current, null, null, default, e.Message);
        }
        catch (IOException e)
        {
            return new(FetchStatus.Unavailable, url, current, null, null, default, e.Message);
        }
    }

    /// <summary>The primary handler for <see cref="HttpClientName"/>: no automatic redirects, cookies or credentials.</summary>
    public static SocketsHttpHandler CreateHandler(FetchOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        Credentials = null,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = options.ConnectTimeout,
        MaxResponseHeadersLength = 64, // KiB
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, ct) => ConnectCheckedAsync(context, options, ct),
    };

    private static async ValueTask<Stream> ConnectCheckedAsync(SocketsHttpConnectionContext context, FetchOptions options, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] candidates = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);

        string? lastRefusal = null;
        foreach (var address in candidates)
        {
            lastRefusal = AddressPolicy.Refusal(address, options.AllowLoopback);
            if (lastRefusal is not null)
            {
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                // Connect to the address just validated, never to the name: DNS cannot change it in between.
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new AddressRefusedException(lastRefusal is null
            ? $"{host} has no address"
            : $"{host} resolves to a {lastRefusal}, which is never fetched");
    }

    private static string? UrlRefusal(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return "only http and https URLs are fetched";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "URLs with user information are not fetched";
        }

        return null;
    }

    private Uri MapHost(Uri url)
    {
        if (!_options.AllowLoopback || _options.HostMap.Count == 0 || !_options.HostMap.TryGetValue(url.Authority, out var target)
            && !_options.HostMap.TryGetValue(url.Host, out target))
        {
            return url;
        }

        var baseUri = new Uri(target);
        var builder = new UriBuilder(url) { Scheme = baseUri.Scheme, Host = baseUri.Host, Port = baseUri.Port };
        return builder.Uri;
    }

    private static bool IsRedirect(HttpStatusCode code) => code is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string AcceptFor(FetchKind kind) => kind switch
    {
        FetchKind.Image => "image/png, image/svg+xml;q=0.9, */*;q=0.1",
        FetchKind.Badge => "application/ld+json, application/json;q=0.9, image/png;q=0.8, image/svg+xml;q=0.8, */*;q=0.1",
        FetchKind.StatusList => "application/vc+jwt, application/vc+ld+json, application/ld+json, application/json;q=0.9, */*;q=0.1",
        _ => "application/ld+json, application/json;q=0.9, */*;q=0.1",
    };

    private static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadCappedAsync(HttpContent content, int limit, CancellationToken ct)
    {
        if (content.Headers.ContentLength is long declared && declared > limit)
        {
            return (default, true);
        }

        await using var stream = await content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (default, true);
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), false);
    }
}

/// <summary>Raised inside the connect callback when every resolved address is refused by policy.</summary>
public sealed class AddressRefusedException(string message) : IOException(message);
