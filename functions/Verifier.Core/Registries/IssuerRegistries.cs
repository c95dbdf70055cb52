using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;

namespace Verifier.Core.Registries;

/// <summary>
/// The configured issuer registries, in order of authority, and the one way to ask them: every registry that may
/// list an identity is asked at once, all under one deadline (<see cref="VerifierOptions.RegistryDeadline"/>), so a
/// verification's registry cost is bounded whatever the number of registries and whichever of them is slow.
/// </summary>
public sealed class IssuerRegistries
{
    public IssuerRegistries(IOptions<VerifierOptions> options, IDocumentFetcher fetcher, TimeProvider time, IRegistryBlobReader? blobs = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        Deadline = o.RegistryDeadline;
        All = [.. o.Registries.Select((r, i) => RegistryFactory.Create(r, i, fetcher, time, o.ClockSkew, blobs))];
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
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);

        // Start every lookup before awaiting any: they run in parallel, and a cached one completes at once.
        var pending = new List<(int Identity, IIssuerRegistry Registry, Pending Answer)>(identities.Count * All.Count);
        for (var i = 0; i < identities.Count; i++)
        {
            foreach (var registry in All)
            {
                if (identities[i].IsDid || registry.ListsWebIdentities)
                {
                    pending.Add((i, registry, Pending.Of(AskAsync(registry, identities[i], deadline.Token))));
                }
            }
        }

        var answers = new List<RegistryOutcome>[identities.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = new List<RegistryOutcome>(All.Count);
        }

        foreach (var (i, registry, answer) in pending)
        {
            answers[i].Add(new RegistryOutcome(registry.Name, answer.Task is { } task ? await task.ConfigureAwait(false) : answer.Result));
        }

        var lookups = new RegistryLookup[identities.Count];
        for (var i = 0; i < lookups.Length; i++)
        {
            lookups[i] = new RegistryLookup(identities[i], answers[i]);
        }

        return lookups;
    }

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
public sealed class RegistryLookup(RegistryIdentity identity, IReadOnlyList<RegistryOutcome> answers)
{
    public RegistryIdentity Identity { get; } = identity;

    /// <summary>Every registry that was asked (those that may list this kind of identity), with its answer.</summary>
    public IReadOnlyList<RegistryOutcome> Answers { get; } = answers;

    /// <summary>The listings, first registry first: the first one supplies the name a page shows.</summary>
    public IReadOnlyList<RegistryListing> KnownIn => [.. Answers.Where(a => a.Answer.Status == RegistryStatus.Listed).Select(a => a.Answer.Listing!)];

    /// <summary>Registries that could not be asked: they neither list nor exclude the identity.</summary>
    public IReadOnlyList<RegistryOutcome> Unchecked => [.. Answers.Where(a => a.Answer.Status == RegistryStatus.Unchecked)];

    /// <summary>Registries that answered "not listed" with a reason worth a warning (a refused statement).</summary>
    public IReadOnlyList<RegistryOutcome> Refused => [.. Answers.Where(a => a.Answer.Status == RegistryStatus.NotListed && a.Answer.Note is not null)];
}
