using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;

namespace Verifier.Benchmarks.Fetching;

/// <summary>
/// What the fetching layer costs: a network fetch of a 2 KB JSON document over loopback through the guarded
/// fetcher (baseline), the same document from the memory cache, and the policy checks alone.
/// </summary>
[MemoryDiagnoser]
public class FetchingBenchmarks
{
    private static readonly byte[] Response = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: max-age=3600\r\nContent-Length: 2048\r\n\r\n"
        + "[" + new string(' ', 2046) + "]");

    private readonly CancellationTokenSource _stop = new();
    private TcpListener _listener = null!;
    private ServiceProvider _services = null!;
    private GuardedFetcher _guarded = null!;
    private IDocumentFetcher _cached = null!;
    private Uri _url = null!;
    private readonly IPAddress _address = IPAddress.Parse("93.184.215.14");

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _ = ServeAsync();
        _url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/doc.json");

        var services = new ServiceCollection();
        services.AddVerifierEngine();
        services.Configure<VerifierOptions>(o => o.Fetch.AllowLoopback = true);
        _services = services.BuildServiceProvider();
        _guarded = _services.GetRequiredService<GuardedFetcher>();
        _cached = _services.GetRequiredService<IDocumentFetcher>();
        await _cached.FetchAsync(_url, FetchKind.Document, CancellationToken.None);
    }

    [Benchmark(Baseline = true)]
    public Task<FetchResult> NetworkFetchOverLoopback() => _guarded.FetchAsync(_url, FetchKind.Document, CancellationToken.None);

    [Benchmark]
    public Task<FetchResult> MemoryCacheHit() => _cached.FetchAsync(_url, FetchKind.Document, CancellationToken.None);

    [Benchmark]
    public bool UrlAndAddressPolicy() =>
        UrlPolicy.Refusal(_url, allowLoopback: false) is not null && AddressPolicy.Refusal(_address, allowLoopback: false) is null;

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _listener.Stop();
        _services.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
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

            _ = KeepAliveAsync(socket);
        }
    }

    /// <summary>Answers every request on a keep-alive connection with the same response.</summary>
    private async Task KeepAliveAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new byte[8192];
        var matched = 0;
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                for (var i = 0; i < read; i++)
                {
                    matched = buffer[i] == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (buffer[i] == '\r' ? 1 : 0);
                    if (matched == 4)
                    {
                        matched = 0;
                        await stream.WriteAsync(Response, _stop.Token);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
