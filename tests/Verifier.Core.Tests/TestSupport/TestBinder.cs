using Verifier.Core.Trust;

namespace Verifier.Core.Tests.TestSupport;

/// <summary>
/// An issuer-key binder for proof tests that run without a network: every issuer document answers 404, so URL
/// issuers have no document (DID issuers never need one).
/// </summary>
internal static class TestBinder
{
    public static IssuerKeyBinder Offline { get; } = new(new IssuerDocuments(new NotFoundFetcher()));

    private sealed class NotFoundFetcher : IDocumentFetcher
    {
        public Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken cancellationToken) =>
            Task.FromResult(new FetchResult(FetchStatus.HttpError, url, url, 404, null, default, "HTTP 404"));
    }
}
