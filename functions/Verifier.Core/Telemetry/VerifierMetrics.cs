using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Verifier.Core.Telemetry;

/// <summary>
/// The engine's instruments (Meter <see cref="VerifierTelemetry.SourceName"/>). Attribute values are small closed sets
/// (outcome, family, kind, tier), never URLs or badge data, so the series stay few and nothing personal is exported.
/// </summary>
public sealed class VerifierMetrics
{
    private readonly Counter<long> _verifications;
    private readonly Histogram<double> _verificationDuration;
    private readonly Histogram<double> _fetchDuration;
    private readonly Counter<long> _cacheLookups;
    private readonly Counter<long> _registryLookups;
    private readonly Counter<long> _batchItems;
    private readonly Counter<long> _jobs;

    public VerifierMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(VerifierTelemetry.SourceName) ?? new Meter(VerifierTelemetry.SourceName);
        _verifications = meter.CreateCounter<long>("verifier.verifications", "{verification}", "Verifications by outcome and badge family.");
        _verificationDuration = meter.CreateHistogram<double>("verifier.verification.duration", "s", "Time of one whole verification.");
        _fetchDuration = meter.CreateHistogram<double>("verifier.fetch.duration", "s", "Time of one network fetch (redirects and retries included), by kind and outcome.");
        _cacheLookups = meter.CreateCounter<long>("verifier.cache.lookups", "{lookup}", "Cache lookups by tier and result (hit or miss); the hit ratio is hit / (hit + miss).");
        _registryLookups = meter.CreateCounter<long>("verifier.registry.lookups", "{lookup}", "Issuer registry lookups by registry and result.");
        _batchItems = meter.CreateCounter<long>("verifier.batch.items", "{item}", "Items of batches and jobs verified, by source (http, job) and outcome (valid, invalid, indeterminate, error).");
        _jobs = meter.CreateCounter<long>("verifier.jobs", "{job}", "Jobs accepted, and job batches processed, by event (created, batch-done, batch-failed).");
    }

    public void Verification(string family, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "verifier.family", family }, { "verifier.outcome", outcome } };
        _verifications.Add(1, tags);
        _verificationDuration.Record(duration.TotalSeconds, tags);
    }

    public void Fetch(string kind, string outcome, TimeSpan duration) =>
        _fetchDuration.Record(duration.TotalSeconds, new TagList { { "verifier.fetch.kind", kind }, { "verifier.fetch.outcome", outcome } });

    /// <summary>One lookup in a cache tier: document, document-store, key, status-list, schema, issuer-document.</summary>
    public void CacheLookup(string tier, bool hit) =>
        _cacheLookups.Add(1, new TagList { { "verifier.cache.tier", tier }, { "verifier.cache.result", hit ? "hit" : "miss" } });

    /// <summary>
    /// One issuer-registry answer (result: found, not-found, unavailable), counted by <c>Registries/IssuerRegistries</c>.
    /// </summary>
    public void RegistryLookup(string registry, string result) =>
        _registryLookups.Add(1, new TagList { { "verifier.registry", registry }, { "verifier.registry.result", result } });

    /// <summary>One item of a batch or a job verified (outcome: valid, invalid, indeterminate, error).</summary>
    public void BatchItem(string source, string outcome) =>
        _batchItems.Add(1, new TagList { { "verifier.batch.source", source }, { "verifier.outcome", outcome } });

    /// <summary>A job event: created, batch-done, batch-failed (a failed batch is retried by the queue).</summary>
    public void Job(string jobEvent) => _jobs.Add(1, new TagList { { "verifier.job.event", jobEvent } });
}
