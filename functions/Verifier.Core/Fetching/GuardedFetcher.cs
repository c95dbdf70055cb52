using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Verifier.Core.Engine;
using Verifier.Core.Telemetry;

namespace Verifier.Core.Fetching;

/// <summary>
/// The guarded fetcher: every network request of the engine goes through here (docs/fetching.md). It checks each
/// URL and redirect hop with <see cref="UrlPolicy"/>, connects only to addresses <see cref="AddressPolicy"/> allows
/// (<see cref="FetchHandlerFactory"/>), caps headers, body and time, and retries transient failures of its GETs
/// with backoff inside the caller's deadline. Expected failures come back as a <see cref="FetchResult"/>; only the
/// caller's own cancellation is thrown.
/// </summary>
internal sealed partial class GuardedFetcher : IDocumentFetcher
{
    public const string HttpClientName = "Verifier.Fetch";

    private readonly IHttpClientFactory _clients;
    private readonly FetchOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<Attempt> _retry;
    private readonly TimeProvider _time;
    private readonly VerifierMetrics? _metrics;

    public GuardedFetcher(
        IHttpClientFactory clients,
        IOptions<VerifierOptions> options,
        ILogger<GuardedFetcher>? logger = null,
        TimeProvider? time = null,
        VerifierMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _options = options.Value.Fetch;
        _logger = logger ?? NullLogger<GuardedFetcher>.Instance;
        _time = time ?? TimeProvider.System;
        _metrics = metrics;
        _retry = BuildRetry(_options, _logger, _time);
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

        // The span names the host only: a path or query can carry an assertion id, a recipient or a token.
        using var activity = VerifierTelemetry.Source.StartActivity(VerifierTelemetry.FetchSpan, ActivityKind.Client);
        activity?.SetTag("server.address", url.Host);
        activity?.SetTag("url.scheme", url.Scheme);
        activity?.SetTag("verifier.fetch.kind", kind.ToString());
        var started = _time.GetTimestamp();
        try
        {
            var attempt = await _retry.ExecuteAsync(ct => AttemptAsync(url, kind, ct), cancellationToken).ConfigureAwait(false);
            Record(activity, kind, attempt.Result, started);
            return attempt.Result;
        }
        finally
        {
            scope?.Exit();
        }
    }

    private void Record(Activity? activity, FetchKind kind, FetchResult result, long started)
    {
        var outcome = result.Status.ToString();
        if (activity is not null)
        {
            activity.SetTag("verifier.fetch.outcome", outcome);
            activity.SetTag("http.response.status_code", result.HttpStatusCode);
            activity.SetTag("verifier.fetch.bytes", result.Body.Length);
            if (result.IsTransient)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }

        _metrics?.Fetch(kind.ToString(), outcome, _time.GetElapsedTime(started));
    }

    /// <summary>
    /// Retries only what another identical GET may fix: connection failures, resets, truncated bodies, 500/502/503/
    /// 504. Never a policy refusal, a 4xx, a size cap or a timeout (a timed-out attempt has spent most of the
    /// deadline). The delay waits on the caller's token, so the per-verification deadline bounds every retry.
    /// </summary>
    private static ResiliencePipeline<Attempt> BuildRetry(FetchOptions options, ILogger logger, TimeProvider time)
    {
        // Backoff delays wait on the injected clock, like the deadlines they sit inside.
        var builder = new ResiliencePipelineBuilder<Attempt> { TimeProvider = time };
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
                    var failed = args.Outcome.Result.Result;
                    LogRetry(logger, failed.RequestedUrl.Host, args.AttemptNumber + 1, failed.Status, failed.HttpStatusCode);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }

    // The host only: a badge URL's path or query can name its earner or carry a token (docs/telemetry.md).
    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying a fetch from {Host} (attempt {Attempt} failed: {Status} {HttpStatus})")]
    private static partial void LogRetry(ILogger logger, string host, int attempt, FetchStatus status, int? httpStatus);

    private static FetchResult Result(FetchStatus status, Uri url, Uri? final, string? error, int? code = null, string? contentType = null) =>
        new(status, url, final, code, contentType, default, error);

    /// <summary>One attempt's outcome and whether repeating the same GET could change it.</summary>
    private readonly record struct Attempt(FetchResult Result, bool Retryable);
}
