using Verifier.Core.Fetching;

namespace Verifier.Core.Trust;

internal enum IdentityStatus
{
    /// <summary>The document speaks for <see cref="IdentifiedDocument.Identity"/>.</summary>
    Confirmed,

    /// <summary>The document claims an identity that nothing at that identity confirms: it speaks for no one.</summary>
    Failed,

    /// <summary>The confirming fetch failed for a reason outside the badge (network, 5xx): indeterminate.</summary>
    Unavailable,
}

/// <param name="Status">Whether the identity is confirmed.</param>
/// <param name="Fetch">The answer whose body is the document to use (the re-fetched copy when there was one).</param>
/// <param name="Identity">The URL the document speaks for, when confirmed.</param>
/// <param name="Refetched">True when the declared id was fetched to confirm it (the body may differ from the first).</param>
/// <param name="Problem">Why the identity is not confirmed.</param>
internal sealed record IdentifiedDocument(IdentityStatus Status, FetchResult Fetch, Uri? Identity, bool Refetched, string? Problem)
{
    public bool IsConfirmed => Status == IdentityStatus.Confirmed;

    /// <summary>The URL the document used was finally served from (scope and origin decisions are made on it).</summary>
    public Uri ServedFrom => Fetch.ServedFrom;
}

/// <summary>
/// docs/security.md rule 1: a document speaks only for the URL it was finally fetched from (or the URL it was
/// requested from, when every redirect stayed on that URL's origin). When it declares another id, that id is
/// fetched once and its copy is used only if it declares itself — a fixed point — so a copy on a forger's host, or
/// one reached through an open redirect, can never speak for the real id, while a genuine node served at a URL that
/// differs from its id (a query parameter, http → https) still verifies.
/// </summary>
internal static class DocumentIdentity
{
    /// <param name="fetched">The first answer (already OK).</param>
    /// <param name="declaredId">The id the document declares; null when it declares none.</param>
    /// <param name="refetch">Fetches a URL (through the verification's fetcher).</param>
    /// <param name="readDeclaredId">Reads the declared id out of a body; null when there is none or it is not a document.</param>
    public static ValueTask<IdentifiedDocument> ConfirmAsync(
        FetchResult fetched,
        string? declaredId,
        Func<Uri, Task<FetchResult>> refetch,
        Func<ReadOnlyMemory<byte>, string?> readDeclaredId)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        ArgumentNullException.ThrowIfNull(refetch);
        ArgumentNullException.ThrowIfNull(readDeclaredId);
        if (declaredId is null)
        {
            return ValueTask.FromResult(new IdentifiedDocument(IdentityStatus.Confirmed, fetched, fetched.Identity, false, null));
        }

        // The common case, decided without parsing: the document declares exactly the URL it was requested from, and
        // no redirect left that URL's origin.
        if (!fetched.RedirectedOffOrigin && string.Equals(declaredId, fetched.RequestedUrl.AbsoluteUri, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(new IdentifiedDocument(IdentityStatus.Confirmed, fetched, fetched.RequestedUrl, false, null));
        }

        return ConfirmSlowAsync(fetched, declaredId, refetch, readDeclaredId);
    }

    private static async ValueTask<IdentifiedDocument> ConfirmSlowAsync(
        FetchResult fetched,
        string declaredId,
        Func<Uri, Task<FetchResult>> refetch,
        Func<ReadOnlyMemory<byte>, string?> readDeclaredId)
    {
        var declared = WebIdentity.HttpUrl(declaredId);
        if (declared is null)
        {
            return new(IdentityStatus.Failed, fetched, null, false,
                $"the document fetched from {Where(fetched)} declares its id as {declaredId}, which is not the http(s) URL it was served from");
        }

        if (fetched.SpeaksFor(declared))
        {
            return new(IdentityStatus.Confirmed, fetched, declared, false, null);
        }

        var second = await refetch(declared).ConfigureAwait(false);
        if (!second.IsOk)
        {
            var status = second.IsTransient ? IdentityStatus.Unavailable : IdentityStatus.Failed;
            return new(status, fetched, null, true,
                $"the document fetched from {Where(fetched)} declares its id as {declaredId}, and that id could not be fetched to confirm it: {second.Describe()}");
        }

        if (second.SpeaksFor(declared) && WebIdentity.SameDocument(readDeclaredId(second.Body), declaredId))
        {
            return new(IdentityStatus.Confirmed, second, declared, true, null);
        }

        return new(IdentityStatus.Failed, fetched, null, true,
            $"the document fetched from {Where(fetched)} declares its id as {declaredId}, but {declaredId} does not serve a document declaring that id, so the copy speaks for no one");
    }

    private static string Where(FetchResult fetched) =>
        fetched.FinalUrl is { } final && !WebIdentity.SameDocument(final, fetched.RequestedUrl)
            ? $"{fetched.RequestedUrl} (served from {final})"
            : fetched.RequestedUrl.AbsoluteUri;
}
