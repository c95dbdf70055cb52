using System.Text.Json.Nodes;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges2;

/// <summary>How loading a linked document ended.</summary>
public enum LoadStatus
{
    Loaded,

    /// <summary>The server answered, but not with a usable document (404, 410, not JSON…): an answer about the badge.</summary>
    Failed,

    /// <summary>Network failure, timeout, 5xx: the badge cannot be judged (indeterminate).</summary>
    Unavailable,
}

public sealed record LoadedDocument(LoadStatus Status, JsonObject? Node, FetchResult? Fetch, string? Error)
{
    public bool IsLoaded => Status == LoadStatus.Loaded && Node is not null;

    /// <summary>Set when the node is shared through <see cref="ParsedDocumentCache"/>: read it, never change it.</summary>
    public ParsedDocumentCache.Entry? Shared { get; init; }

    /// <summary>Structure issues of the node, memoized when it is shared.</summary>
    public IReadOnlyList<Checks.StructureIssue> Validate(string kind, Func<JsonObject, IReadOnlyList<Checks.StructureIssue>> validate) =>
        Shared is { } entry ? entry.Issues(kind, validate) : validate(Node!);
}

/// <summary>
/// One OB 2.0 verification in progress: the context, the fetcher and the documents fetched so far (each URL is
/// fetched at most once per verification, so the issuer read for data is the one read for keys).
/// </summary>
public sealed class Ob2Session(VerificationContext context, IDocumentFetcher fetcher, CancellationToken cancellationToken, ParsedDocumentCache? cache = null)
{
    private readonly Dictionary<string, FetchResult> _fetched = new(StringComparer.Ordinal);

    public VerificationContext Context => context;

    public CheckCollector Checks => context.Checks;

    public CancellationToken CancellationToken => cancellationToken;

    public string Version { get; set; } = Ob2Version.V20;

    public bool Legacy => Ob2Version.IsLegacy(Version);

    public async Task<FetchResult> FetchAsync(Uri url, FetchKind kind)
    {
        if (_fetched.TryGetValue(url.AbsoluteUri, out var cached))
        {
            return cached;
        }

        var result = await fetcher.FetchAsync(url, kind, cancellationToken).ConfigureAwait(false);
        _fetched[url.AbsoluteUri] = result;
        return result;
    }

    /// <summary>
    /// Fetches a JSON document and records the outcome under <paramref name="checkId"/>: transient failures are
    /// indeterminate, other failures fail. A document whose declared id differs from its URL is kept with a warning.
    /// </summary>
    /// <remarks>With <paramref name="soft"/>, failures are only warnings: the caller has alternatives (other keys) and decides.</remarks>
    public async Task<LoadedDocument> LoadJsonAsync(string url, string checkId, string what, FetchKind kind = FetchKind.Document, bool soft = false)
    {
        if (!JsonAccess.IsHttpUrl(url))
        {
            Fail(checkId, $"the {what} {url} is not an http(s) URL, so it cannot be fetched", url, soft);
            return new(LoadStatus.Failed, null, null, "not an http(s) URL");
        }

        var result = await FetchAsync(new Uri(url), kind).ConfigureAwait(false);
        if (!result.IsOk)
        {
            if (result.IsTransient)
            {
                if (soft)
                {
                    Checks.Warn(checkId, $"the {what} could not be fetched: {result.Describe()}", url);
                }
                else
                {
                    Checks.Indeterminate(checkId, $"the {what} could not be fetched: {result.Describe()}", url);
                }

                return new(LoadStatus.Unavailable, null, result, result.Describe());
            }

            Fail(checkId, $"the {what} could not be fetched: {result.Describe()}", url, soft);
            return new(LoadStatus.Failed, JsonAccess.ParseObject(result.Body.Span), result, result.Describe());
        }

        // Legacy documents are rewritten by the upgrade, so only 2.0 documents are shared between verifications.
        var shared = cache is not null && !Legacy ? cache.GetOrParse(url, result.Body.Span) : null;
        var node = shared?.Node ?? JsonAccess.ParseObject(result.Body.Span);
        if (node is null)
        {
            Fail(checkId, $"the {what} at {url} is not a JSON object", url, soft);
            return new(LoadStatus.Failed, null, result, "not a JSON object");
        }

        Checks.Pass(checkId, $"fetched the {what} from {url}", url);
        WarnOnIdMismatch(node, url, what);
        return new(LoadStatus.Loaded, node, result, null) { Shared = shared };
    }

    private void Fail(string checkId, string message, string url, bool soft)
    {
        if (soft)
        {
            Checks.Warn(checkId, message, url);
        }
        else
        {
            Checks.Fail(checkId, message, url);
        }
    }

    /// <summary>"Node fetched from source … declared its id as …": kept, but the inconsistency is reported.</summary>
    public void WarnOnIdMismatch(JsonObject node, string url, string what)
    {
        if (JsonAccess.String(node, "id") is { } declared && !string.Equals(declared, url, StringComparison.Ordinal))
        {
            Checks.Warn(Ob2CheckIds.NodeId, $"the {what} fetched from {url} declares its id as {declared}", url);
        }
    }
}
