using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Verifier.Core.Images;
using Verifier.Core.Input;
using Verifier.Core.Registries;
using Verifier.Core.Reporting;
using Verifier.Core.Telemetry;

namespace Verifier.Core.Engine;

/// <summary>
/// The engine's front door. Hosts call <see cref="VerifyAsync"/> and get a report for every outcome; nothing
/// throws out of here except cancellation by the caller.
/// </summary>
public sealed class BadgeVerifier
{
    public const string EngineCheckId = "engine.unexpected";
    public const string FamilyCheckId = "engine.family";
    public const string DeadlineCheckId = "engine.deadline";

    private readonly InputResolver _resolver;
    private readonly Dictionary<BadgeFamily, IBadgeFamilyVerifier> _verifiers;
    private readonly TimeProvider _time;
    private readonly VerifierOptions _options;
    private readonly ILogger<BadgeVerifier> _logger;
    private readonly VerificationTelemetry _telemetry;
    private readonly IssuerRegistryCheck? _registries;
    private readonly BadgeImageEmbedder? _images;

    public BadgeVerifier(
        InputResolver resolver,
        IEnumerable<IBadgeFamilyVerifier> verifiers,
        TimeProvider time,
        IOptions<VerifierOptions> options,
        ILogger<BadgeVerifier>? logger = null,
        VerificationTelemetry? telemetry = null,
        IssuerRegistryCheck? registries = null,
        BadgeImageEmbedder? images = null)
    {
        _registries = registries;
        _images = images;
        _resolver = resolver;
        _verifiers = verifiers.ToDictionary(v => v.Family);
        _time = time;
        _options = options.Value;
        _logger = logger ?? NullLogger<BadgeVerifier>.Instance;
        _telemetry = telemetry ?? new VerificationTelemetry(new VerifierMetrics());
    }

    [SuppressMessage("Performance", "CA1848:Use the LoggerMessage delegates", Justification = "Logs only an unexpected failure, the one boundary where a bug becomes a check.")]
    public async Task<VerificationReport> VerifyAsync(VerificationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        using var activity = VerificationTelemetry.Start();
        var context = new VerificationContext(request, _options, request.At ?? _time.GetUtcNow());
        using var fetchScope = Fetching.FetchScope.Begin(_options.Fetch); // bounds this verification's fetches
        // The deadline runs on the injected clock, like every other timer of the engine (settings validation keeps it
        // within 100 ms … 5 min, so this cannot throw).
        using var deadline = new CancellationTokenSource(_options.RequestDeadline, _time);
        // The caller's cancellation reaches the same source: one source and a registration instead of a timer source
        // linked into a second one (a registration on a token that cannot be cancelled costs nothing).
        using var callerCancels = cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), deadline);
        var family = BadgeFamily.Unknown;
        try
        {
            var payload = await _resolver.ResolveAsync(context, deadline.Token).ConfigureAwait(false);
            if (payload is not null)
            {
                family = payload.Family;
                await VerifyPayloadAsync(payload, context, deadline.Token).ConfigureAwait(false);

                // After the family verifier: only then is the issuer's identity proven (or not), and the nested
                // credentials' issuers known, so that one round of registry lookups serves them all.
                if (_registries is not null)
                {
                    await _registries.RunAsync(context, deadline.Token).ConfigureAwait(false);
                }
            }

            if (request.IncludeImage && _images is not null && context.Badge is { Image: { } image } badge
                && await _images.EmbedAsync(image, deadline.Token).ConfigureAwait(false) is { } data)
            {
                context.Badge = badge.WithImageData(data);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            context.Checks.Indeterminate(DeadlineCheckId, $"verification did not finish within {_options.RequestDeadline.TotalSeconds:0.#} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The single boundary where a bug becomes a readable failed check instead of a crash or a stack trace.
            _logger.LogError(e, "Unexpected failure while verifying a badge");
            context.Checks.Indeterminate(EngineCheckId, $"the verifier hit an internal error ({e.GetType().Name}); the badge could not be judged");
        }

        var report = context.ToReport();
        _telemetry.Record(activity, report, family, fetchScope, _time.GetElapsedTime(started));
        return report;
    }

    /// <summary>Verifies a payload found elsewhere (e.g. an endorsement inside a credential) in the given context.</summary>
    public Task VerifyPayloadAsync(ResolvedPayload payload, VerificationContext context, CancellationToken cancellationToken)
    {
        if (payload.Family == BadgeFamily.Unknown || !_verifiers.TryGetValue(payload.Family, out var verifier))
        {
            context.Checks.Fail(FamilyCheckId, payload.Family == BadgeFamily.Unknown
                ? "the payload is not recognisable as an Open Badge (no Open Badges or Verifiable Credentials form)"
                : $"{payload.Family} badges are not supported by this verifier");
            return Task.CompletedTask;
        }

        return verifier.VerifyAsync(payload, context, cancellationToken);
    }
}
