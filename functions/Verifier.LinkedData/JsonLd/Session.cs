namespace Verifier.LinkedData.JsonLd;

/// <summary>State of one processing call: options, loaded remote contexts, the work budget and cancellation.</summary>
internal sealed class Session(JsonLdOptions options, ProcessorCaches caches, IReadOnlyDictionary<string, RemoteContext> loaded, CancellationToken cancellationToken, int stepsAlreadyUsed = 0)
{
    private int steps = stepsAlreadyUsed;

    /// <summary>Work done so far; a restart after loading a context carries it on, so restarts share one budget.</summary>
    public int Steps => steps;

    public JsonLdOptions Options { get; } = options;

    public ProcessorCaches Caches { get; } = caches;

    /// <summary>The plain-form audit of this attempt, when one was asked for (a restart starts a fresh one).</summary>
    public PlainFormAuditor? Auditor { get; } = options.Audit is null ? null : new PlainFormAuditor();

    /// <summary>Counts a unit of work; enforces <see cref="JsonLdOptions.MaxSteps"/> and observes cancellation now and then.</summary>
    public void Step()
    {
        if (++steps > Options.MaxSteps)
        {
            throw new JsonLdException(JsonLdErrorCodes.ProcessingLimit, $"more than {Options.MaxSteps} processing steps");
        }

        if ((steps & 1023) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public RemoteContext GetRemoteContext(string url)
    {
        if (loaded.TryGetValue(url, out var ctx))
        {
            return ctx;
        }

        if (Caches.TryGetDocument(url, out ctx))
        {
            return ctx;
        }

        throw new ContextNeededException(url);
    }
}
