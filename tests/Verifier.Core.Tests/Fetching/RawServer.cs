using System.Net.Sockets;

namespace Verifier.Core.Tests.Fetching;

/// <summary>
/// A raw TCP server for what Kestrel will not do on purpose: resets, truncated bodies, huge headers, endless bodies.
/// It counts every accepted connection, so a test can prove a refused URL never reached it. Bound to [::] in
/// dual mode, so any spelling of loopback (127.x, ::1, ::ffff:127.0.0.1) that got through would be counted.
/// </summary>
internal sealed class RawServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<NetworkStream, Socket, CancellationToken, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _accepted;
    private long _bytesSent;

    private readonly bool _readHead;

    private RawServer(Func<NetworkStream, Socket, CancellationToken, Task> handler, bool readHead)
    {
        _handler = handler;
        _readHead = readHead;
        if (Socket.OSSupportsIPv6)
        {
            _listener = new TcpListener(IPAddress.IPv6Any, 0);
            _listener.Server.DualMode = true;
        }
        else
        {
            _listener = new TcpListener(IPAddress.Loopback, 0);
        }

        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = AcceptLoopAsync();
    }

    public int Port { get; }

    public int Accepted => Volatile.Read(ref _accepted);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>A server whose handler runs after the request head was read (or at once, for non-HTTP clients).</summary>
    public static RawServer Start(Func<NetworkStream, Socket, CancellationToken, Task> handler, bool readHead = true) =>
        new(handler, readHead);

    /// <summary>A server answering every request with a small JSON 200: reaching it would make a fetch succeed.</summary>
    public static RawServer Recorder() => Start((stream, _, ct) =>
        WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", ct));

    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

    public static Task WriteAsync(NetworkStream stream, string text, CancellationToken ct) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), ct).AsTask();

    /// <summary>Writes and counts bytes (for the endless-body test).</summary>
    public async Task WriteCountedAsync(NetworkStream stream, byte[] bytes, CancellationToken ct)
    {
        await stream.WriteAsync(bytes, ct);
        Interlocked.Add(ref _bytesSent, bytes.Length);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _accepted);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (_readHead)
            {
                await ReadHeadAsync(stream, _stop.Token);
            }

            await _handler(stream, socket, _stop.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (e.g. the fetcher hit its cap): expected in these tests.
        }
    }

    private static async Task ReadHeadAsync(NetworkStream stream, CancellationToken ct)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, ct) == 1)
        {
            seen.Add(one[0]);
            if (seen.Count >= 4 && seen[^1] == '\n' && seen[^2] == '\r' && seen[^3] == '\n' && seen[^4] == '\r')
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
