using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Verifier.Core.Engine;

namespace Verifier.Core.Fetching;

/// <summary>
/// The guarded fetcher: every network request of the engine goes through here (docs/fetching.md). It checks each
/// URL and redirect hop with <see cref="UrlPolicy"/>, connects only to addresses <see cref="AddressPolicy"/> allows
/// (<see cref="FetchHandlerFactory"/>), caps headers, body and time, and retries transient failures of its GETs
/// with backoff inside the caller's deadline. Expected failures come back as a <see cref="FetchResult"/>; only the
/// caller's own cancellation is thrown.
/// </summary>
public sealed partial class GuardedFetcher : IDocumentFetcher
{
    public const string HttpClientName = "Verifier.Fetch";

    private readonly IHttpClientFactory _clients;
    private readonly FetchOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<Attempt> _retry;

    public GuardedFetcher(IHttpClientFactory clients, IOptions<VerifierOptions> options, ILogger<GuardedFetcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _options = options.Value.Fetch;
        _logger = logger ?? NullLogger<GuardedFetcher>.Instance;
        _retry = BuildRetry(_options, _logger);
    }

    public async Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var scope = FetchScope.Current;
        if (scope is not null && !scope.TryStart())
        {
            return scope.Exhausted(url);
        }

        if (scope is not null)
        {
            await scope.EnterAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var attempt = await _retry.ExecuteAsync(ct => AttemptAsync(url, kind, ct), cancellationToken).ConfigureAwait(false);
            return attempt.Result;
        }
        finally
        {
            scope?.Exit();
        }
    }

    /// <summary>
    /// Retries only what another identical GET may fix: connection failures, resets, truncated bodies, 500/502/503/
    /// 504. Never a policy refusal, a 4xx, a size cap or a timeout (a timed-out attempt has spent most of the
    /// deadline). The delay waits on the caller's token, so the per-verification deadline bounds every retry.
    /// </summary>
    private static ResiliencePipeline<Attempt> BuildRetry(FetchOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<Attempt>();
        if (options.RetryCount > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = options.RetryCount,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Retryable: true }),
                OnRetry = args =>
                {
                    LogRetry(logger, args.Outcome.Result.Result.RequestedUrl, args.AttemptNumber + 1, args.Outcome.Result.Result.Error);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying fetch of {Url} (attempt {Attempt} failed: {Reason})")]
    private static partial void LogRetry(ILogger logger, Uri? url, int attempt, string? reason);

    private static FetchResult Result(FetchStatus status, Uri url, Uri? final, string? error, int? code = null, string? contentType = null) =>
        new(status, url, final, code, contentType, default, error);

    /// <summary>One attempt's outcome and whether repeating the same GET could change it.</summary>
    private readonly record struct Attempt(FetchResult Result, bool Retryable);
}
