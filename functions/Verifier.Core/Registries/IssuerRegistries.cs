using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;

namespace Verifier.Core.Registries;

/// <summary>
/// The configured issuer registries, in order of authority, and the one way to ask them: every registry that may
/// list an identity is asked at once, all under one deadline (<see cref="VerifierOptions.RegistryDeadline"/>), so a
/// verification's registry cost is bounded whatever the number of registries and whichever of them is slow.
/// </summary>
public sealed partial class IssuerRegistries
{
    private readonly Telemetry.VerifierMetrics? _metrics;

    public IssuerRegistries(IOptions<VerifierOptions> options, IDocumentFetcher fetcher, TimeProvider time, IRegistryBlobReader? blobs = null, ILogger<IssuerRegistries>? logger = null, Telemetry.VerifierMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        var o = options.Value;
        Deadline = o.RegistryDeadline;
        All = [.. o.Registries.Select((r, i) => RegistryFactory.Create(r, i, fetcher, time, o.ClockSkew, blobs))];
        foreach (var bad in All.OfType<RegistryFactory.MisconfiguredRegistry>())
        {
            // Also in every report (the registry is unchecked, saying why); logged once so an operator sees it at start.
            LogMisconfigured(logger ?? (ILogger)NullLogger.Instance, bad.Name, bad.Reason);
        }
    }

    /// <summary>For tests and tools that assemble registries themselves.</summary>
    public IssuerRegistries(IReadOnlyList<IIssuerRegistry> registries, TimeSpan deadline)
    {
        All = registries;
        Deadline = deadline;
    }

    /// <summary>Every configured registry, in order of authority.</summary>
    public IReadOnlyList<IIssuerRegistry> All { get; }

    public TimeSpan Deadline { get; }

    /// <summary>Asks every registry that may list the identity (DIDs: all; https URLs: local registries only).</summary>
    public async Task<RegistryLookup> LookUpAsync(RegistryIdentity identity, CancellationToken cancellationToken) =>
        (await LookUpAsync([identity], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Asks about several identities (a credential's issuer and its nested credentials' issuers) under one deadline.</summary>
    public async Task<IReadOnlyList<RegistryLookup>> LookUpAsync(IReadOnlyList<RegistryIdentity> identities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identities);
        // Neither linked nor timed yet: lookups answered from the cache (nearly all of them) complete before anything
        // could cancel them, so the timer and the link to the caller are set up only when one has to wait.
        using var deadline = new CancellationTokenSource();

        // Start every lookup before awaiting any: they run in parallel, and a cached one completes at once.
        var started = new (IIssuerRegistry Registry, Pending Answer)[identities.Count][];
        for (var i = 0; i < identities.Count; i++)
        {
            var identity = identities[i];
            var asked = new (IIssuerRegistry, Pending)[identity.IsDid ? All.Count : All.Count(r => r.ListsWebIdentities)];
            var n = 0;
            foreach (var registry in All)
            {
                if (identity.IsDid || registry.ListsWebIdentities)
                {
                    asked[n++] = (registry, Pending.Of(AskAsync(registry, identity, deadline.Token)));
                }
            }

            started[i] = asked;
        }

        if (started.Any(asked => asked.Any(a => a.Answer.Task is not null)))
        {
            deadline.CancelAfter(Deadline);
            using var link = cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), deadline);
            return Count(await CollectAsync(identities, started).ConfigureAwait(false));
        }

        return Count(await CollectAsync(identities, started).ConfigureAwait(false));
    }

    /// <summary>Each registry's answer becomes one <c>verifier.registry.lookups</c> measurement (docs/telemetry.md).</summary>
    private IReadOnlyList<RegistryLookup> Count(IReadOnlyList<RegistryLookup> lookups)
    {
        if (_metrics is { } metrics)
        {
            foreach (var lookup in lookups)
            {
                foreach (var (registry, answer) in lookup.Answers)
                {
                    metrics.RegistryLookup(registry, answer.Status switch
                    {
                        RegistryStatus.Listed => "found",
                        RegistryStatus.NotListed => "not-found",
                        _ => "unavailable",
                    });
                }
            }
        }

        return lookups;
    }

    private static async Task<IReadOnlyList<RegistryLookup>> CollectAsync(IReadOnlyList<RegistryIdentity> identities, (IIssuerRegistry Registry, Pending Answer)[][] started)
    {
        var lookups = new RegistryLookup[identities.Count];
        for (var i = 0; i < lookups.Length; i++)
        {
            var outcomes = new RegistryOutcome[started[i].Length];
            for (var j = 0; j < outcomes.Length; j++)
            {
                var (registry, answer) = started[i][j];
                outcomes[j] = new RegistryOutcome(registry.Name, answer.Task is { } task ? await task.ConfigureAwait(false) : answer.Result);
            }

            lookups[i] = new RegistryLookup(identities[i], outcomes);
        }

        return lookups;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issuer registry {Registry} is misconfigured and will always be reported unchecked: {Reason}")]
    private static partial void LogMisconfigured(ILogger logger, string registry, string reason);

    private async ValueTask<RegistryAnswer> AskAsync(IIssuerRegistry registry, RegistryIdentity identity, CancellationToken deadline)
    {
        try
        {
            return await registry.LookUpAsync(identity, deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // The registries' deadline (or the verification's) passed: no answer, so not "not listed" — and the
            // badge's own verdict, already reached, does not become indeterminate because a registry was slow.
            return RegistryAnswer.Unchecked($"no answer within {Deadline.TotalSeconds:0.#} s");
        }
    }
}

/// <summary>An answer already there (a cached registry: no Task is allocated) or still on its way.</summary>
internal readonly record struct Pending(RegistryAnswer Result, Task<RegistryAnswer>? Task)
{
    public static Pending Of(ValueTask<RegistryAnswer> answer) =>
        answer.IsCompletedSuccessfully ? new Pending(answer.Result, null) : new Pending(default, answer.AsTask());
}

/// <summary>One registry's answer about one identity.</summary>
public readonly record struct RegistryOutcome(string Registry, RegistryAnswer Answer);

/// <summary>What the registries said about one identity, in order of authority.</summary>
public sealed class RegistryLookup
{
    public RegistryLookup(RegistryIdentity identity, IReadOnlyList<RegistryOutcome> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Identity = identity;
        Answers = answers;
        KnownIn = Pick(answers, a => a.Answer.Status == RegistryStatus.Listed, a => a.Answer.Listing!);
        Unchecked = Pick(answers, a => a.Answer.Status == RegistryStatus.Unchecked, a => a);
        Refused = Pick(answers, a => a.Answer.Status == RegistryStatus.NotListed && a.Answer.Note is not null, a => a);
    }

    public RegistryIdentity Identity { get; }

    /// <summary>Every registry that was asked (those that may list this kind of identity), with its answer.</summary>
    public IReadOnlyList<RegistryOutcome> Answers { get; }

    /// <summary>The listings, first registry first: the first one supplies the name a page shows.</summary>
    public IReadOnlyList<RegistryListing> KnownIn { get; }

    /// <summary>Registries that could not be asked: they neither list nor exclude the identity.</summary>
    public IReadOnlyList<RegistryOutcome> Unchecked { get; }

    /// <summary>Registries that answered "not listed" with a reason worth a warning (a refused statement).</summary>
    public IReadOnlyList<RegistryOutcome> Refused { get; }

    // Loops rather than LINQ: this runs on every verification, and most lists are empty.
    private static T[] Pick<T>(IReadOnlyList<RegistryOutcome> answers, Func<RegistryOutcome, bool> keep, Func<RegistryOutcome, T> select)
    {
        var count = 0;
        for (var i = 0; i < answers.Count; i++)
        {
            count += keep(answers[i]) ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var picked = new T[count];
        var n = 0;
        for (var i = 0; i < answers.Count; i++)
        {
            if (keep(answers[i]))
            {
                picked[n++] = select(answers[i]);
            }
        }

        return picked;
    }
}
