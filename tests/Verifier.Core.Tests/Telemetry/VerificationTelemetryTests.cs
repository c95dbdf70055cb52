using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Verifier.Core.Telemetry;

namespace Verifier.Core.Tests.Telemetry;

/// <summary>Runs alone: the in-memory exporters listen by source name, so parallel verifications would show up too.</summary>
[CollectionDefinition(nameof(TelemetryCapture), DisableParallelization = true)]
public sealed class TelemetryCapture;

/// <summary>
/// The span, metrics and log record of a valid, an invalid and an indeterminate verification, exported with the
/// OpenTelemetry SDK's in-memory exporter — and none of them carries the recipient, an e-mail or the badge.
/// </summary>
[Collection(nameof(TelemetryCapture))]
public sealed class VerificationTelemetryTests : IAsyncLifetime, IDisposable
{
    private const string Recipient = Ob2TestIssuer.Email;
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly ListLogger _logs = new();
    private Ob2TestIssuer _issuer = null!;

    public async Task InitializeAsync()
    {
        _issuer = await Ob2TestIssuer.StartAsync();
        _issuer.Publish();
        _issuer.Serve(Ob2TestIssuer.AssertionUrl, Ob2TestIssuer.Assertion());
        _issuer.Server.MapStatus("/down.json", 503);
    }

    public async Task DisposeAsync()
    {
        _logs.Dispose();
        await _issuer.DisposeAsync();
    }

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task VerifyAsync_Valid_SpanWithAttributesAndChildFetchSpans()
    {
        var (report, root) = await VerifyAsync(Ob2TestIssuer.AssertionUrl, Recipient);

        Assert.Equal(VerificationOutcome.Valid, report.Outcome);
        Assert.Equal("OpenBadges2", root.GetTagItem("verifier.family"));
        Assert.Equal("2.0", root.GetTagItem("verifier.version"));
        Assert.Equal("hosted", root.GetTagItem("verifier.method"));
        Assert.Equal("valid", root.GetTagItem("verifier.outcome"));
        Assert.Equal(0, root.GetTagItem("verifier.errors"));
        Assert.Equal(report.WarningCount, root.GetTagItem("verifier.warnings"));
        Assert.True((int)root.GetTagItem("verifier.fetches")! >= 3);
        Assert.NotNull(root.GetTagItem("verifier.cache_hits"));
        var fetches = _spans.Where(s => s.OperationName == VerifierTelemetry.FetchSpan && s.ParentSpanId == root.SpanId).ToList();
        Assert.NotEmpty(fetches);
        Assert.All(fetches, f => Assert.Equal(Ob2TestIssuer.Host, f.GetTagItem("server.address")));
        // The linked documents all answered; the badge image (checked beside them, a warning when missing) may not.
        Assert.All(fetches.Where(f => (string?)f.GetTagItem("verifier.fetch.kind") != "Image"), f => Assert.Equal("Ok", f.GetTagItem("verifier.fetch.outcome")));
    }

    [Fact]
    public async Task VerifyAsync_Invalid_OutcomeAndErrorCountOnSpanAndMetric()
    {
        var (report, root) = await VerifyAsync(Ob2TestIssuer.AssertionUrl, "someone.else@example.org");

        Assert.Equal(VerificationOutcome.Invalid, report.Outcome);
        Assert.Equal("invalid", root.GetTagItem("verifier.outcome"));
        Assert.Equal(report.ErrorCount, root.GetTagItem("verifier.errors"));
        Assert.True(report.ErrorCount > 0);
        Assert.Equal(1, Sum("verifier.verifications", ("verifier.outcome", "invalid"), ("verifier.family", "OpenBadges2")));
    }

    [Fact]
    public async Task VerifyAsync_Indeterminate_FetchSpanShowsTheFailure()
    {
        var (report, root) = await VerifyAsync("https://issuer.example/down.json?token=secret", null);

        Assert.Equal(VerificationOutcome.Indeterminate, report.Outcome);
        Assert.Equal("indeterminate", root.GetTagItem("verifier.outcome"));
        var fetch = Assert.Single(_spans, s => s.OperationName == VerifierTelemetry.FetchSpan);
        Assert.Equal("Unavailable", fetch.GetTagItem("verifier.fetch.outcome"));
        Assert.Equal(503, fetch.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, fetch.Status);
        Assert.Equal(1, Sum("verifier.verifications", ("verifier.outcome", "indeterminate")));
        Assert.True(Count("verifier.fetch.duration", ("verifier.fetch.outcome", "Unavailable")) >= 1);
    }

    [Fact]
    public async Task VerifyAsync_SameBadgeTwice_MetricsByOutcomeFamilyKindAndTier()
    {
        var (_, second) = await VerifyAsync(Ob2TestIssuer.AssertionUrl, Recipient, times: 2);

        Assert.Equal(2, Sum("verifier.verifications", ("verifier.outcome", "valid"), ("verifier.family", "OpenBadges2")));
        Assert.Equal(2, Count("verifier.verification.duration", ("verifier.outcome", "valid")));
        Assert.True(Count("verifier.fetch.duration", ("verifier.fetch.kind", "Document"), ("verifier.fetch.outcome", "Ok")) >= 1);
        Assert.True(Sum("verifier.cache.lookups", ("verifier.cache.tier", "document"), ("verifier.cache.result", "hit")) >= 1);
        Assert.True(Sum("verifier.cache.lookups", ("verifier.cache.tier", "document"), ("verifier.cache.result", "miss")) >= 1);
        Assert.Equal(0, second.GetTagItem("verifier.fetches")); // the second one was answered from the caches
        Assert.True((int)second.GetTagItem("verifier.cache_hits")! >= 1);
    }

    [Fact]
    public async Task VerifyAsync_AnyOutcome_NoRecipientEmailOrBadgeInAttributesOrLogs()
    {
        await VerifyAsync(Ob2TestIssuer.AssertionUrl, Recipient);
        await VerifyAsync(Ob2TestIssuer.AssertionUrl, "someone.else@example.org");
        await VerifyAsync("https://issuer.example/down.json?token=secret", Recipient);
        var payload = Ob2TestIssuer.Assertion().ToJsonString();
        await VerifyAsync(payload, Recipient, asText: true);

        var exported = _spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName))
            .Concat(_metrics.SelectMany(MetricText))
            .Concat(_logs.Lines)
            .ToList();
        Assert.NotEmpty(_logs.Lines);
        Assert.All(exported, text =>
        {
            Assert.DoesNotContain("@", text, StringComparison.Ordinal);
            Assert.DoesNotContain("learner", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("sha256$", text, StringComparison.Ordinal);
            Assert.DoesNotContain("assertions/1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("token=secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Robotics", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task VerifyAsync_AnyOutcome_OneStructuredLogRecordPerVerification()
    {
        await VerifyAsync(Ob2TestIssuer.AssertionUrl, Recipient);

        var record = Assert.Single(_logs.Records, r => r.EventName == "Verified");
        Assert.Equal("valid", record.State["Outcome"]);
        Assert.Equal("OpenBadges2", record.State["Family"]);
        Assert.StartsWith("Verified {Family} {Version} badge by {Method}", (string)record.State["{OriginalFormat}"]!, StringComparison.Ordinal);
    }

    private async Task<(VerificationReport Report, Activity Root)> VerifyAsync(string input, string? recipient, bool asText = false, int times = 1)
    {
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(VerifierTelemetry.SourceName).AddInMemoryExporter(_spans).Build();
        var exported = new List<MetricSnapshot>();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(VerifierTelemetry.SourceName).AddInMemoryExporter(exported).Build();
        using var services = EngineFactory.Build(_issuer.Server, [Ob2TestIssuer.Host]);
        using var loggers = services.GetRequiredService<ILoggerFactory>();
        loggers.AddProvider(_logs);
        _spans.Clear();
        VerificationReport report = null!;
        for (var i = 0; i < times; i++)
        {
            report = await services.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
            {
                Input = asText ? VerificationInput.FromText(input) : VerificationInput.FromUrl(new Uri(input)),
                Recipient = recipient,
            });
        }

        tracing.ForceFlush();
        metering.ForceFlush();
        _metrics.AddRange(exported); // before the provider's final export on disposal, which would count twice
        return (report, _spans.Last(s => s.OperationName == VerifierTelemetry.VerifySpan));
    }

    private long Sum(string name, params (string Key, string Value)[] tags) =>
        Points(name, tags).Sum(p => p.GetSumLong());

    private long Count(string name, params (string Key, string Value)[] tags) =>
        Points(name, tags).Sum(p => p.GetHistogramCount());

    private IEnumerable<MetricPoint> Points(string name, (string Key, string Value)[] tags)
    {
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                var attributes = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    attributes[tag.Key] = tag.Value;
                }

                if (tags.All(t => Equals(attributes.GetValueOrDefault(t.Key), t.Value)))
                {
                    yield return point;
                }
            }
        }
    }

    private static IEnumerable<string> MetricText(MetricSnapshot metric)
    {
        var lines = new List<string> { metric.Name };
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                lines.Add($"{tag.Key}={tag.Value}");
            }
        }

        return lines;
    }

    /// <summary>Keeps every log record with its structured state.</summary>
    private sealed class ListLogger : ILoggerProvider, ILogger
    {
        public List<(string? EventName, IReadOnlyDictionary<string, object?> State)> Records { get; } = [];

        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            lock (Records)
            {
                Records.Add((eventId.Name, values.ToDictionary(v => v.Key, v => v.Value)));
                Lines.Add(formatter(state, exception));
                Lines.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }
        }

        public void Dispose()
        {
        }
    }
}
