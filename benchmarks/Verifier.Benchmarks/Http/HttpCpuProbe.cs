using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verifier.Benchmarks.OpenBadges2;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.Reporting;
using Verifier.Http;

namespace Verifier.Benchmarks.Http;

/// <summary>
/// Where the local host's time goes per request, in process CPU time: <c>POST /api/verify</c> through the shared
/// handler on a <see cref="DefaultHttpContext"/> (body read, sniff, gate, CORS, engine, report written to the
/// response), split into the engine alone and the report's serialization alone, beside the ceiling app's work (copy the
/// body, parse a 2 KB JSON document, one RS256 verify) run the same way. Both PNG sizes of scripts/bench-http.sh.
/// Kestrel and the socket are not in these figures (they cost the ceiling app the same). Run:
/// dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- http-cpu
/// </summary>
public static class HttpCpuProbe
{
    /// <param name="loopSeconds">When above 0, only runs the handler on the small PNG for that long (to attach a profiler).</param>
    public static void Run(int iterations = 3000, int rounds = 9, int loopSeconds = 0, bool allocations = false)
    {
        var bench = new SignedBadgeBenchmarks();
        bench.Setup();
        using var services = Services(bench.Documents);
        var handler = services.GetRequiredService<VerifyHandler>();
        var verifier = services.GetRequiredService<BadgeVerifier>();
        var ceiling = new CeilingWork();
        var compact = new JsonSerializerOptions(ReportJson.Options) { WriteIndented = false };
        var bodies = new (string Name, byte[] Png)[] { ("1.6KB", BakedPng.BakeNoise(bench.Jws, 10, 10)), ("30KB", BakedPng.BakeNoise(bench.Jws, 84, 84)) };
        var report = verifier.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(bodies[0].Png) }).GetAwaiter().GetResult();
        if (!report.Valid)
        {
            throw new InvalidOperationException("the probe's badge does not verify");
        }

        if (allocations)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, compact));
            for (var i = 0; i < 20_000; i++)
            {
                Handle(handler, services, bodies[0].Png);
            }

            using var sampler = new AllocationSampler();
            const int requests = 100_000;
            for (var i = 0; i < requests; i++)
            {
                Handle(handler, services, bodies[0].Png);
            }

            sampler.Print(requests);
            return;
        }

        if (loopSeconds > 0)
        {
            var until = Stopwatch.StartNew();
            while (until.Elapsed < TimeSpan.FromSeconds(loopSeconds))
            {
                Handle(handler, services, bodies[0].Png);
            }

            return;
        }

        var variants = new List<(string Name, Action Run)>();
        foreach (var (name, png) in bodies)
        {
            variants.Add(($"handler {name} ({png.Length} B)", () => Handle(handler, services, png)));
            variants.Add(($"ceiling {name}", () => ceiling.Handle(services, png)));
        }

        variants.Add(("engine alone (VerifyAsync)", () => verifier.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(bodies[0].Png) }).GetAwaiter().GetResult()));
        variants.Add(("report serialization alone (options with the relaxed encoder)", () => JsonSerializer.SerializeToUtf8Bytes(report, compact)));
        // What ReportResult does: the context's own metadata (generated code), the relaxed encoder on the writer.
        var writerOptions = new JsonWriterOptions { Encoder = compact.Encoder, SkipValidation = true };
        var output = new System.Buffers.ArrayBufferWriter<byte>(8 * 1024);
        variants.Add(("report serialization alone (generated code, as the handler writes it)", () =>
        {
            output.ResetWrittenCount();
            using var writer = new Utf8JsonWriter(output, writerOptions);
            JsonSerializer.Serialize(writer, report, ReportJsonContext.Default.VerificationReport);
        }));
        Measure(variants, iterations, rounds);
        bench.Cleanup();
    }

    private static ServiceProvider Services(IReadOnlyDictionary<string, byte[]> documents)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IDocumentFetcher>(new DictionaryFetcher(documents));
        services.AddVerifierHttp(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider();
    }

    private static void Handle(VerifyHandler handler, IServiceProvider services, byte[] png)
    {
        var context = Context(services, png);
        var result = handler.HandleAsync(context.Request, CancellationToken.None).GetAwaiter().GetResult();
        result.ExecuteAsync(context).GetAwaiter().GetResult();
        if (context.Response.StatusCode != 200)
        {
            throw new InvalidOperationException($"the handler answered {context.Response.StatusCode}");
        }
    }

    internal static DefaultHttpContext Context(IServiceProvider services, byte[] png)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.ContentType = "image/png";
        context.Request.ContentLength = png.Length;
        context.Request.Body = new MemoryStream(png, writable: false);
        context.Response.Body = Discard;
        return context;
    }

    /// <summary>Kestrel writes the response to the socket; a growing MemoryStream here would charge the probe's own copies to the handler.</summary>
    private static readonly Stream Discard = Stream.Null;

    private static void Measure(List<(string Name, Action Run)> variants, int iterations, int rounds)
    {
        // Warm up until the JIT has finished (tier-1 code), so the rounds measure steady state.
        var warm = Stopwatch.StartNew();
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var (_, run) in variants)
            {
                for (var i = 0; i < 500; i++)
                {
                    run();
                }
            }

            Thread.Sleep(200);
        }
        while (warm.Elapsed < TimeSpan.FromSeconds(30) && (warm.Elapsed < TimeSpan.FromSeconds(4) || System.Runtime.JitInfo.GetCompiledMethodCount() != compiled));

        var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>());
        var allocated = variants.ToDictionary(v => v.Name, _ => 0L);
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in variants)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < iterations; i++)
                {
                    run();
                }

                allocated[name] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                process.Refresh();
                cpu[name].Add((process.TotalProcessorTime - before).TotalMicroseconds / iterations);
            }
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; median of {rounds} rounds × {iterations}");
        Console.WriteLine("| variant | CPU µs/op | allocated KB/op |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, _) in variants)
        {
            var median = cpu[name].Order().ElementAt(rounds / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {median:F1} | {allocated[name] / 1024.0 / iterations / rounds:F1} |"));
        }
    }

    /// <summary>benchmarks/CeilingApp's request, on the same kind of context: copy the body, parse 2 KB of JSON, one RS256 verify, a small JSON answer.</summary>
    private sealed class CeilingWork
    {
        private readonly RSA _rsa = RSA.Create(2048);
        private readonly byte[] _json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            type = "Assertion",
            id = "urn:uuid:00000000-0000-0000-0000-000000000001",
            items = Enumerable.Range(0, 24).Select(i => new { name = $"item {i}", value = new string('x', 40), n = i }).ToArray(),
        }));

        private readonly byte[] _signature;

        public CeilingWork() => _signature = _rsa.SignData(_json, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        public void Handle(IServiceProvider services, byte[] png)
        {
            var context = Context(services, png);
            using var buffer = new MemoryStream();
            context.Request.Body.CopyTo(buffer);
            using var doc = JsonDocument.Parse(_json);
            var ok = _rsa.VerifyData(_json, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                && doc.RootElement.GetProperty("items").GetArrayLength() == 24;
            Results.Text(ok ? "{\"valid\":true}" : "{}", "application/json").ExecuteAsync(context).GetAwaiter().GetResult();
        }
    }
}
