namespace Verifier.LinkedData.Tests.Conformance;

/// <summary>Runs entries of the W3C JSON-LD 1.1 toRdf manifest against files under ../shared/vectors/json-ld-api/tests.</summary>
public sealed class ToRdfManifestRunner
{
    public const string TestsBase = "https://w3c.github.io/json-ld-api/tests/";

    private readonly string folder;
    private readonly JsonLdProcessor processor;

    public ToRdfManifestRunner(string testsFolder)
    {
        folder = testsFolder;
        processor = new JsonLdProcessor(new DelegateContextLoader(LoadAsync));
    }

    public sealed record Entry(string Id, string Kind, string Input, string? Expect, string? ErrorCode, JsonElement Option, string Name);

    public sealed record Outcome(Entry Entry, bool Passed, bool OutOfScope, string Detail)
    {
        /// <summary>Plain-form violations found, when the entry was run with the audit on.</summary>
        public int Violations { get; init; }
    }

    public IEnumerable<Entry> Entries(string manifest)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, manifest)));
        foreach (var t in doc.RootElement.GetProperty("sequence").EnumerateArray())
        {
            var types = t.GetProperty("@type").EnumerateArray().Select(x => x.GetString()).ToList();
            var kind = types.Contains("jld:NegativeEvaluationTest") ? "negative" : types.Contains("jld:PositiveSyntaxTest") ? "syntax" : "positive";
            yield return new Entry(
                t.GetProperty("@id").GetString()!,
                kind,
                t.GetProperty("input").GetString()!,
                t.TryGetProperty("expect", out var e) ? e.GetString() : null,
                t.TryGetProperty("expectErrorCode", out var c) ? c.GetString() : null,
                t.TryGetProperty("option", out var o) ? o.Clone() : default,
                t.GetProperty("name").GetString()!);
        }
    }

    /// <summary>Why an entry is out of scope for this processor, or null.</summary>
    public string? OutOfScope(Entry entry)
    {
        if (!File.Exists(Path.Combine(folder, entry.Input)))
        {
            return $"input {entry.Input} is not part of the toRdf folder in ../shared";
        }

        return null;
    }

    /// <summary>Runs one entry; with <paramref name="audit"/> the plain-form audit rides along (it must change nothing).</summary>
    public async Task<Outcome> RunAsync(Entry entry, bool audit = false)
    {
        if (OutOfScope(entry) is { } why)
        {
            return new Outcome(entry, false, true, why);
        }

        var found = audit ? new PlainFormAudit() : null;
        var outcome = await RunCoreAsync(entry, Options(entry.Option) with { Audit = found });
        return outcome with { Violations = found?.Total ?? 0 };
    }

    private async Task<Outcome> RunCoreAsync(Entry entry, JsonLdOptions options)
    {
        var input = await File.ReadAllBytesAsync(Path.Combine(folder, entry.Input));
        using var doc = JsonDocument.Parse(input);
        try
        {
            var dataset = await processor.ToRdfAsync(doc.RootElement, options, TestsBase + entry.Input);
            if (entry.Kind == "negative")
            {
                return new Outcome(entry, false, false, $"expected error '{entry.ErrorCode}', got a dataset:\n{NQuads.Write(dataset)}");
            }

            if (entry.Kind == "syntax" || entry.Expect is null)
            {
                return new Outcome(entry, true, false, "ok");
            }

            var expected = NQuads.Parse(await File.ReadAllTextAsync(Path.Combine(folder, entry.Expect)));
            var same = Isomorphism.AreIsomorphic(dataset, expected);
            return new Outcome(entry, same, false, same ? "ok" : $"expected:\n{NQuads.Write(expected)}actual:\n{NQuads.Write(dataset)}");
        }
        catch (JsonLdException e)
        {
            var ok = entry.Kind == "negative" && e.Code == entry.ErrorCode;
            return new Outcome(entry, ok, false, ok ? "ok" : $"error '{e.Code}' ({e.Message}), expected {entry.ErrorCode ?? "success"}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Outcome(entry, false, false, $"crash {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
    }

    private JsonLdOptions Options(JsonElement option)
    {
        var options = new JsonLdOptions();
        if (option.ValueKind != JsonValueKind.Object)
        {
            return options;
        }

        foreach (var p in option.EnumerateObject())
        {
            options = p.Name switch
            {
                "base" => options with { Base = p.Value.GetString() },
                "processingMode" => options with { ProcessingMode10 = p.Value.GetString() == "json-ld-1.0" },
                // Tests for JSON-LD 1.0 processors only: run them with processingMode json-ld-1.0.
                "specVersion" when p.Value.GetString() == "json-ld-1.0" => options with { ProcessingMode10 = true },
                "rdfDirection" => options with { RdfDirection = p.Value.GetString() },
                "produceGeneralizedRdf" => options with { ProduceGeneralizedRdf = p.Value.GetBoolean() },
                "expandContext" => options with { ExpandContext = File.ReadAllText(Path.Combine(folder, p.Value.GetString()!)) },
                _ => options,
            };
        }

        return options;
    }

    private ValueTask<ContextLoadResult> LoadAsync(string url, CancellationToken cancellationToken)
    {
        if (!url.StartsWith(TestsBase, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(ContextLoadResult.Missing(url));
        }

        var path = Path.GetFullPath(Path.Combine(folder, url[TestsBase.Length..]));
        if (!path.StartsWith(folder, StringComparison.Ordinal) || !File.Exists(path))
        {
            return ValueTask.FromResult(ContextLoadResult.Missing(url));
        }

        return ValueTask.FromResult(ContextDocuments.Parse(url, Encoding.UTF8.GetBytes(File.ReadAllText(path))));
    }
}
