using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf;

namespace Verifier.Benchmarks.LinkedData;

/// <summary>
/// Expansion + toRdf of a ~3 KB OB-3.0-shaped credential with warm contexts (processed contexts cached), against
/// parsing the same JSON as the baseline. Safe mode on, as for signed documents.
/// </summary>
[MemoryDiagnoser]
public class JsonLdToRdfBenchmarks
{
    private static readonly JsonLdOptions Safe = new() { SafeMode = true };
    private readonly byte[] credential = Encoding.UTF8.GetBytes(JsonLdBenchmarkData.Credential);
    private JsonLdProcessor processor = null!;
    private JsonDocument parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        processor = new JsonLdProcessor(new InMemoryContextLoader().Add(JsonLdBenchmarkData.ContextUrl, JsonLdBenchmarkData.Context));
        parsed = JsonDocument.Parse(credential);
        _ = ToRdf(); // warm: contexts loaded and processed once per process
    }

    [GlobalCleanup]
    public void Cleanup() => parsed.Dispose();

    [Benchmark(Baseline = true, Description = "parse JSON (baseline)")]
    public int Parse()
    {
        using var doc = JsonDocument.Parse(credential);
        return doc.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "expand + toRdf (parsed input)")]
    public RdfDataset ToRdf() => processor.ToRdfAsync(parsed.RootElement, Safe).AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "parse + expand + toRdf")]
    public int ParseAndToRdf()
    {
        using var doc = JsonDocument.Parse(credential);
        return processor.ToRdfAsync(doc.RootElement, Safe).AsTask().GetAwaiter().GetResult().Quads.Count;
    }
}
