using Verifier.Core.Trust;

namespace Verifier.Core.Tests.TestSupport;

/// <summary>
/// An issuer-key binder for proof tests that run without a network: every issuer document answers 404, so URL
/// issuers have no document (DID issuers never need one).
/// </summary>
internal static class TestBinder
{
    public static IssuerKeyBinder Offline { get; } = new(new IssuerDocuments(new NotFoundFetcher()), new NoKeys());

    /// <summary>No DID document to list keys from (IKeyResolver's default answer).</summary>
    private sealed class NoKeys : Verifier.Core.Keys.IKeyResolver
    {
        public Task<Verifier.Core.Keys.KeyResolution> ResolveAsync(string keyId, CancellationToken cancellationToken) =>
            Task.FromResult(Verifier.Core.Keys.KeyResolution.Fail(Verifier.Core.Keys.KeyResolutionStatus.NotFound, "offline"));
    }

    private sealed class NotFoundFetcher : IDocumentFetcher
    {
        public Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken cancellationToken) =>
            Task.FromResult(new FetchResult(FetchStatus.HttpError, url, url, 404, null, default, "HTTP 404"));
    }
}
