using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace LoadKit;

/// <summary>
/// Drives the host at a steady rate (open loop: requests start on schedule whatever the answers' speed) with a mix of
/// valid, invalid and hostile requests; reports status counts, 5xx (must be 0), p50/p99 latency and the host's RSS
/// at start and end (read from /proc/PID/status).
/// </summary>
internal static class Soak
{
    private sealed record Case(string Name, string Kind, Func<HttpRequestMessage> Make);

    public static async Task<int> RunAsync(Uri target, string dir, int pid, int seconds, int rate)
    {
        var cases = Cases(dir);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = target,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var statuses = new ConcurrentDictionary<string, int>();
        var rssStart = Rss(pid);
        var total = seconds * rate;
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var rssSamples = new List<long> { rssStart };
        for (var i = 0; i < total; i++)
        {
            if (i > 0 && i % (rate * 10) == 0)
            {
                rssSamples.Add(Rss(pid));
            }

            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var c = cases[i % cases.Count];
            inFlight.Add(SendAsync(client, c, latencies, statuses));
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed;
        GC.KeepAlive(elapsed);
        await Task.Delay(1000);
        var rssEnd = Rss(pid);

        var fiveXx = statuses.Where(s => s.Key.StartsWith('5') || s.Key == "error").Sum(s => s.Value);
        var wrong = statuses.Where(s => s.Key.EndsWith(" WRONG", StringComparison.Ordinal)).Sum(s => s.Value);
        Console.WriteLine($"requests: {total} in {elapsed.TotalSeconds:0.0} s ({total / elapsed.TotalSeconds:0} req/s), mix of {cases.Count} cases");
        foreach (var (key, count) in statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {key}: {count}");
        }

        Console.WriteLine($"5xx or transport errors: {fiveXx}; wrong outcomes: {wrong}");
        foreach (var (kind, bag) in latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var sorted = bag.Order().ToArray();
            Console.WriteLine($"latency {kind,-8} p50 {Percentile(sorted, 0.50),7:0.0} ms, p99 {Percentile(sorted, 0.99),7:0.0} ms, max {sorted[^1],7:0.0} ms");
        }

        var all = latencies.Values.SelectMany(b => b).Order().ToArray();
        Console.WriteLine($"latency all      p50 {Percentile(all, 0.50),7:0.0} ms, p99 {Percentile(all, 0.99),7:0.0} ms");
        rssSamples.Add(rssEnd);
        Console.WriteLine($"host RSS: start {rssStart / 1024.0:0.0} MB, end {rssEnd / 1024.0:0.0} MB; every 10 s: {string.Join(" ", rssSamples.Select(r => (r / 1024.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture)))} MB");
        return fiveXx == 0 && wrong == 0 ? 0 : 1;
    }

    private static string? Outcome(string body)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("outcome", out var o) ? o.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static async Task SendAsync(HttpClient client, Case c, ConcurrentDictionary<string, ConcurrentBag<double>> latencies, ConcurrentDictionary<string, int> statuses)
    {
        var started = Stopwatch.GetTimestamp();
        string key;
        try
        {
            using var request = c.Make();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            // "Nothing lies": a valid badge must come back valid, an invalid one never valid.
            var outcome = (int)response.StatusCode == 200 ? Outcome(body) : null;
            var lie = (c.Kind == "valid" && outcome != "valid") || (c.Kind == "invalid" && outcome == "valid");
            key = $"{(int)response.StatusCode} {c.Kind}{(outcome is null ? string.Empty : " " + outcome)}{(lie ? " WRONG" : string.Empty)}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            key = "error";
            Console.Error.WriteLine($"{c.Name}: {e.GetType().Name}: {e.Message}");
        }

        latencies.GetOrAdd(c.Kind, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        statuses.AddOrUpdate(key, 1, (_, n) => n + 1);
    }

    private static List<Case> Cases(string dir)
    {
        var png = File.ReadAllBytes(Path.Combine(dir, "baked.png"));
        var jws = File.ReadAllText(Path.Combine(dir, "badge.jws"));
        var tampered = File.ReadAllText(Path.Combine(dir, "tampered.jws"));
        var hosted = File.ReadAllText(Path.Combine(dir, "hosted.json"));
        var nested = new string('[', 5000) + new string(']', 5000);
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&c;</svg>";
        var hugeChunk = png[..33].Concat(new byte[] { 0x7F, 0xFF, 0xFF, 0xFF, (byte)'i', (byte)'T', (byte)'X', (byte)'t' }).ToArray();
        return
        [
            new("baked png", "valid", () => Post("/api/verify", png, "image/png")),
            new("signed jws", "valid", () => Post("/api/verify", jws, "application/jwt")),
            new("hosted url", "valid", () => new HttpRequestMessage(HttpMethod.Get, "/api/verify?url=" + Uri.EscapeDataString("https://issuer.example/assertions/1.json"))),
            new("hosted json", "valid", () => Post("/api/verify", hosted, "application/ld+json")),
            new("baked png, recipient", "valid", () => Post("/api/verify?recipient=ada%40example.org", png, "image/png")),
            new("tampered jws", "invalid", () => Post("/api/verify", tampered, "text/plain")),
            new("wrong recipient", "invalid", () => Post("/api/verify?recipient=mallory%40example.org", jws, "text/plain")),
            new("garbage", "hostile", () => Post("/api/verify", "definitely not a badge", "text/plain")),
            new("deep json", "hostile", () => Post("/api/verify", "{\"a\":" + nested + "}", "application/json")),
            new("entity bomb svg", "hostile", () => Post("/api/verify", bomb, "image/svg+xml")),
            new("huge png chunk", "hostile", () => Post("/api/verify", hugeChunk, "image/png")),
            new("metadata ssrf", "hostile", () => new HttpRequestMessage(HttpMethod.Get, "/api/verify?url=" + Uri.EscapeDataString("http://169.254.169.254/latest/meta-data/"))),
            new("private ssrf", "hostile", () => new HttpRequestMessage(HttpMethod.Get, "/api/verify?url=" + Uri.EscapeDataString("http://10.0.0.1/badge.json"))),
            new("hex ip ssrf", "hostile", () => new HttpRequestMessage(HttpMethod.Get, "/api/verify?url=" + Uri.EscapeDataString("http://0x0a000001/badge.json"))),
            new("oversized body", "oversize", () => Post("/api/verify", new byte[11 * 1024 * 1024], "application/json")),
            new("wrong media type", "hostile", () => Post("/api/verify", png, "image/jpeg")),
            new("broken multipart", "hostile", () =>
            {
                var request = Post("/api/verify", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", "text/plain");
                request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
                return request;
            }),
        ];
    }

    private static HttpRequestMessage Post(string path, string body, string mediaType) => Post(path, Encoding.UTF8.GetBytes(body), mediaType);

    private static HttpRequestMessage Post(string path, byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>Resident set size in KB, from /proc (Linux).</summary>
    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
