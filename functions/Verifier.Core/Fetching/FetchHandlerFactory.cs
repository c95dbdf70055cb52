using System.Net;
using System.Net.Sockets;

namespace Verifier.Core.Fetching;

/// <summary>
/// Builds the primary handler of the fetcher's named HttpClient. Its connect callback resolves the host itself,
/// checks every address against <see cref="AddressPolicy"/> and connects to the checked address, never to the name:
/// there is no second DNS lookup an attacker's resolver could answer differently (DNS rebinding).
/// </summary>
internal static class FetchHandlerFactory
{
    public static SocketsHttpHandler Create(FetchOptions options, IHostResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        var allowLoopback = options.AllowLoopback;
        return new SocketsHttpHandler
        {
            // Redirects are followed by GuardedFetcher so each hop is re-checked; nothing ambient is sent.
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            Credentials = null,
            PreAuthenticate = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            MaxResponseHeadersLength = options.MaxResponseHeadersKiB,
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            MaxResponseDrainSize = 64 * 1024,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, ct) => ConnectCheckedAsync(context.DnsEndPoint, resolver, allowLoopback, ct),
        };
    }

    internal static async ValueTask<Stream> ConnectCheckedAsync(
        DnsEndPoint endPoint, IHostResolver resolver, bool allowLoopback, CancellationToken ct)
    {
        var host = endPoint.Host.Trim('[', ']');
        var bare = host.TrimEnd('.');
        IPAddress[] candidates;
        try
        {
            candidates = IPAddress.TryParse(bare, out var literal)
                ? [literal]
                : await resolver.ResolveAsync(host, ct).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData)
        {
            throw new HostNotFoundException($"{host} does not resolve: {e.Message}", e);
        }

        // Refused addresses are dropped, not tried: a name answering both a public and a private address only ever
        // reaches the public one.
        string? refusal = null;
        Exception? lastError = null;
        foreach (var address in candidates)
        {
            var reason = AddressPolicy.Refusal(address, allowLoopback);
            if (reason is not null)
            {
                refusal ??= reason;
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                lastError = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (lastError is not null)
        {
            throw new IOException($"could not connect to {host}: {lastError.Message}", lastError);
        }

        if (refusal is null)
        {
            throw new IOException($"{host} has no address");
        }

        throw new AddressRefusedException($"{host} resolves to a {AddressPolicy.Describe(refusal)}, which is never fetched");
    }
}

/// <summary>Raised inside the connect callback when every resolved address is refused by policy.</summary>
internal sealed class AddressRefusedException(string message) : IOException(message);

/// <summary>Raised inside the connect callback when the name does not exist (not worth a retry).</summary>
internal sealed class HostNotFoundException(string message, Exception inner) : IOException(message, inner);
