using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Verifier.Core.Fetching;
using Verifier.LinkedData.Contexts;

namespace Verifier.Cli;

/// <summary>
/// <c>obverify contexts pull DIR</c>: downloads every pinned JSON-LD context through the guarded fetcher and keeps
/// only those whose JCS SHA-256 matches a pinned digest, writing the folder layout <c>Verifier:Contexts:Path</c>
/// reads (index.json beside the files) for offline verification. Exit 0 all pulled, 1 any digest mismatch,
/// 3 any unreachable (and no mismatch).
/// </summary>
internal static class ContextsCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Folder to write the contexts and index.json into (created if missing)." };
        var pull = new Command("pull", "Download the pinned JSON-LD contexts for offline use; each is checked against its pinned digest.") { folder };
        pull.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var target = parse.GetValue(folder)!;
            try
            {
                target.Create();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"obverify: {target}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrUnreadable;
            }

            await using var services = EngineHost.Build();
            var fetcher = services.GetRequiredService<IDocumentFetcher>();
            var pins = PinnedContexts.Default;
            var outcomes = new (string Url, string? File, string? Error, bool Transient)[pins.Count];
            var urls = pins.Keys.Order(StringComparer.Ordinal).ToArray();
            await Parallel.ForAsync(0, urls.Length, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
                outcomes[i] = await PullAsync(fetcher, urls[i], pins[urls[i]], target.FullName, token).ConfigureAwait(false)).ConfigureAwait(false);

            var index = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (url, file, error, _) in outcomes)
            {
                if (file is not null)
                {
                    index[url] = file;
                }
                else
                {
                    await stderr.WriteLineAsync($"obverify: {url}: {error}").ConfigureAwait(false);
                }
            }

            await File.WriteAllBytesAsync(Path.Combine(target.FullName, "index.json"), IndexJson(index), ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"{index.Count} of {urls.Length} pinned contexts written to {target.FullName}").ConfigureAwait(false);

            return outcomes.Any(o => o.File is null && !o.Transient) ? ExitCodes.AnyInvalid
                : outcomes.Any(o => o.File is null) ? ExitCodes.AnyIndeterminate
                : ExitCodes.AllValid;
        });
        return new Command("contexts", "Manage the pinned JSON-LD contexts.") { pull, Import() };
    }

    /// <summary>
    /// <c>obverify contexts import SRC DIR</c>: the offline twin of pull, for copies obtained another way (a package
    /// registry): every JSON file in SRC whose JCS SHA-256 is pinned is written to DIR under its pinned URL(s), with
    /// index.json. Files that match no pin are named on stderr and skipped. Exit 0 when at least one was imported.
    /// </summary>
    private static Command Import()
    {
        var source = new Argument<DirectoryInfo>("src") { Description = "Folder of candidate context documents (*.json, *.jsonld)." };
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Folder to write the contexts and index.json into (created if missing)." };
        var import = new Command("import", "Add context documents from a folder, keeping only those whose digest is pinned.") { source, folder };
        import.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var (from, target) = (parse.GetValue(source)!, parse.GetValue(folder)!);
            if (!from.Exists)
            {
                await stderr.WriteLineAsync($"obverify: {from}: no such folder").ConfigureAwait(false);
                return ExitCodes.UsageOrUnreadable;
            }

            target.Create();
            var byDigest = PinnedContexts.Default.SelectMany(p => p.Value.Select(d => (Digest: d, Url: p.Key))).ToLookup(x => x.Digest, x => x.Url);
            var index = ReadIndex(target.FullName);
            foreach (var file in from.EnumerateFiles().Where(f => f.Extension is ".json" or ".jsonld").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var bytes = await File.ReadAllBytesAsync(file.FullName, ct).ConfigureAwait(false);
                var parsed = ContextDocuments.Parse(file.FullName, bytes);
                var urls = parsed.IsSuccess ? byDigest[PinnedContextLoader.Digest(parsed.Document!)].ToList() : [];
                if (urls.Count == 0)
                {
                    await stderr.WriteLineAsync($"obverify: {file.Name}: {(parsed.IsSuccess ? "matches no pinned digest" : parsed.Error)}; skipped").ConfigureAwait(false);
                    continue;
                }

                foreach (var url in urls)
                {
                    var name = FileNameFor(url);
                    await File.WriteAllBytesAsync(Path.Combine(target.FullName, name), bytes, ct).ConfigureAwait(false);
                    index[url] = name;
                }
            }

            await File.WriteAllBytesAsync(Path.Combine(target.FullName, "index.json"), IndexJson(index), ct).ConfigureAwait(false);
            await stdout.WriteLineAsync($"{index.Count} of {PinnedContexts.Default.Count} pinned contexts in {target.FullName}").ConfigureAwait(false);
            return index.Count > 0 ? ExitCodes.AllValid : ExitCodes.AnyInvalid;
        });
        return import;
    }

    private static SortedDictionary<string, string> ReadIndex(string folder)
    {
        var index = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(folder, "index.json");
        if (File.Exists(path))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var entry in doc.RootElement.GetProperty("contexts").EnumerateObject())
            {
                index[entry.Name] = entry.Value.GetString()!;
            }
        }

        return index;
    }

    /// <summary>{"contexts": {url: file, …}}, indented, written without reflection (obverify is published as Native AOT).</summary>
    private static byte[] IndexJson(SortedDictionary<string, string> index)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("contexts");
            foreach (var (url, file) in index)
            {
                json.WriteString(url, file);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task<(string, string?, string?, bool)> PullAsync(IDocumentFetcher fetcher, string url, string[] digests, string folder, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(new Uri(url), FetchKind.Document, ct).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            return (url, null, fetched.Describe(), fetched.IsTransient);
        }

        var parsed = ContextDocuments.Parse(url, fetched.Body);
        if (!parsed.IsSuccess)
        {
            return (url, null, parsed.Error, false);
        }

        // Only a document with a pinned digest is written: a folder of contexts is trusted as-is later.
        var digest = PinnedContextLoader.Digest(parsed.Document!);
        if (Array.IndexOf(digests, digest) < 0)
        {
            return (url, null, $"digest {digest} is not pinned for this URL; not written", false);
        }

        var file = FileNameFor(url);
        await File.WriteAllBytesAsync(Path.Combine(folder, file), fetched.Body.ToArray(), ct).ConfigureAwait(false);
        return (url, file, null, false);
    }

    /// <summary>A plain file name (no separators, as the folder loader requires) that keeps the URL recognisable.</summary>
    internal static string FileNameFor(string url)
    {
        var uri = new Uri(url);
        var name = new string((uri.Host + uri.AbsolutePath).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray()).Trim('_', '.');
        return name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonld", StringComparison.Ordinal) ? name : name + ".jsonld";
    }
}
