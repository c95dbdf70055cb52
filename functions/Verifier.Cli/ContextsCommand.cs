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
        return new Command("contexts", "Manage the pinned JSON-LD contexts.") { pull };
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
