using System.Text.Json.Nodes;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges2;

/// <summary>How loading a linked document ended.</summary>
internal enum LoadStatus
{
    Loaded,

    /// <summary>The server answered, but not with a usable document (404, 410, not JSON…): an answer about the badge.</summary>
    Failed,

    /// <summary>Network failure, timeout, 5xx: the badge cannot be judged (indeterminate).</summary>
    Unavailable,
}

internal sealed record LoadedDocument(LoadStatus Status, JsonObject? Node, FetchResult? Fetch, string? Error)
{
    public bool IsLoaded => Status == LoadStatus.Loaded && Node is not null;

    /// <summary>The id the document speaks for (docs/security.md rule 1); null for embedded nodes and failures.</summary>
    public Uri? Identity { get; init; }

    /// <summary>The URL the document was finally served from: what scope and the report's issuer id are judged on.</summary>
    public Uri? ServedFrom { get; init; }

    /// <summary>Set when the node is shared through <see cref="ParsedDocumentCache"/>: read it, never change it.</summary>
    public ParsedDocumentCache.Entry? Shared { get; init; }

    /// <summary>Structure issues of the node, memoized when it is shared.</summary>
    public IReadOnlyList<Checks.StructureIssue> Validate(string kind, Func<JsonObject, IReadOnlyList<Checks.StructureIssue>> validate) =>
        Shared is { } entry ? entry.Issues(kind, validate) : validate(Node!);
}

/// <param name="Identity">The proven issuer identity: the hosted Profile's URL, or an origin for 0.5/1.0.</param>
/// <param name="VerifiedBy">How (<see cref="IssuerProofs"/>).</param>
/// <param name="Document">The document that proves it.</param>
/// <param name="CheckId">The check that decided it (where a policy refusal is reported).</param>
internal sealed record ProvenIssuer(string Identity, string VerifiedBy, string? Document, string CheckId);

/// <summary>
/// One OB 2.0 verification in progress: the context, the fetcher and the documents fetched so far (each URL is
/// fetched at most once per verification, so the issuer read for data is the one read for keys).
/// </summary>
internal sealed class Ob2Session(VerificationContext context, IDocumentFetcher fetcher, CancellationToken cancellationToken, ParsedDocumentCache? cache = null)
{
    private readonly Dictionary<string, FetchResult> _fetched = new(StringComparer.Ordinal);

    public VerificationContext Context => context;

    public CheckCollector Checks => context.Checks;

    public CancellationToken CancellationToken => cancellationToken;

    public string Version { get; set; } = Ob2Version.V20;

    public bool Legacy => Ob2Version.IsLegacy(Version);

    /// <summary>Who the hosting or signature proved made the badge, and which check decided it (null until proven).</summary>
    public ProvenIssuer? Proven { get; set; }

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
    /// indeterminate, other failures fail. The document speaks only for the URL it was finally served from; one that
    /// declares another id is used only when that id, fetched once, serves a copy declaring itself (docs/security.md
    /// rule 1) — the copy is then the document used.
    /// </summary>
    /// <remarks>With <paramref name="soft"/>, failures are only warnings: the caller has alternatives (other keys) and decides.</remarks>
    public async Task<LoadedDocument> LoadJsonAsync(string url, string checkId, string what, FetchKind kind = FetchKind.Document, bool soft = false)
    {
        if (WebIdentity.HttpUrl(url) is not { } uri)
        {
            Fail(checkId, $"the {what} {url} is not an http(s) URL, so it cannot be fetched", url, soft);
            return new(LoadStatus.Failed, null, null, "not an http(s) URL");
        }

        var result = await FetchAsync(uri, kind).ConfigureAwait(false);
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
            return new(LoadStatus.Failed, JsonRead.ParseObject(result.Body.Span), result, result.Describe());
        }

        // Legacy documents are rewritten by the upgrade, so only 2.0 documents are shared between verifications.
        var shared = Parse(url, result);
        var node = shared?.Node ?? JsonRead.ParseObject(result.Body.Span);
        if (node is null)
        {
            Fail(checkId, $"the {what} at {url} is not a JSON object", url, soft);
            return new(LoadStatus.Failed, null, result, "not a JSON object");
        }

        var identified = await DocumentIdentity.ConfirmAsync(
            result, JsonRead.String(node, "id"), u => FetchAsync(u, kind), body => JsonRead.String(JsonRead.ParseObject(body.Span), "id")).ConfigureAwait(false);
        if (!identified.IsConfirmed)
        {
            if (identified.Status == IdentityStatus.Unavailable && !soft)
            {
                Checks.Indeterminate(Ob2CheckIds.NodeId, $"the {what}: {identified.Problem}", url);
            }
            else
            {
                Fail(Ob2CheckIds.NodeId, $"the {what}: {identified.Problem}", url, soft);
            }

            return new(identified.Status == IdentityStatus.Unavailable ? LoadStatus.Unavailable : LoadStatus.Failed, null, result, identified.Problem);
        }

        var identity = identified.Identity!;
        if (identified.Refetched)
        {
            // The copy at the declared id is the node; what the first URL served is discarded.
            Checks.Pass(Ob2CheckIds.NodeId, $"the {what} fetched from {url} declares its id as {identity}, which serves the node itself: that copy is used", url);
            result = identified.Fetch;
            shared = Parse(identity.AbsoluteUri, result);
            node = shared?.Node ?? JsonRead.ParseObject(result.Body.Span);
            if (node is null)
            {
                Fail(checkId, $"the {what} at {identity} is not a JSON object", url, soft);
                return new(LoadStatus.Failed, null, result, "not a JSON object");
            }
        }

        Checks.Pass(checkId, $"fetched the {what} from {url}", url);
        return new(LoadStatus.Loaded, node, result, null) { Shared = shared, Identity = identity, ServedFrom = result.ServedFrom };
    }

    private ParsedDocumentCache.Entry? Parse(string url, FetchResult result) =>
        cache is not null && !Legacy ? cache.GetOrParse(url, result.Body.Span) : null;

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
}
