using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf;

namespace Verifier.Benchmarks.LinkedData;

/// <summary>
/// The OB 3.0 spec's signed example (proof removed) through pinned contexts from ../shared/contexts; needs ../shared
/// (or VERIFIER_SHARED). Baseline: parsing the same JSON.
/// </summary>
[MemoryDiagnoser]
public class JsonLdOb3SpecBenchmarks
{
    private static readonly JsonLdOptions Safe = new() { SafeMode = true };
    private byte[] credential = [];
    private JsonLdProcessor processor = null!;
    private IContextLoader loader = null!;
    private JsonDocument parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shared = LocateShared() ?? throw new InvalidOperationException("../shared not found; set VERIFIER_SHARED");
        loader = new PinnedContextLoader(FolderContextLoader.Open(Path.Combine(shared, "contexts")), PinnedContexts.Default);
        processor = new JsonLdProcessor(loader);
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(shared, "vectors/ob3-spec/obv3p0-eddsa-rdfc-2022-signed.json")))!.AsObject();
        node.Remove("proof");
        credential = JsonSerializer.SerializeToUtf8Bytes(node);
        parsed = JsonDocument.Parse(credential);
        _ = ToRdf();
    }

    [GlobalCleanup]
    public void Cleanup() => parsed.Dispose();

    [Benchmark(Baseline = true, Description = "parse JSON (baseline)")]
    public int Parse()
    {
        using var doc = JsonDocument.Parse(credential);
        return doc.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "OB 3.0 example: expand + toRdf")]
    public RdfDataset ToRdf() => processor.ToRdfAsync(parsed.RootElement, Safe).AsTask().GetAwaiter().GetResult();

    /// <summary>A new processor each time: the context documents are parsed and pinned already, but processed afresh.</summary>
    [Benchmark(Description = "OB 3.0 example: cold processor (contexts processed)")]
    public RdfDataset ToRdfCold() => new JsonLdProcessor(loader).ToRdfAsync(parsed.RootElement, Safe).AsTask().GetAwaiter().GetResult();

    private static string? LocateShared()
    {
        var env = Environment.GetEnvironmentVariable("VERIFIER_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verifier.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
