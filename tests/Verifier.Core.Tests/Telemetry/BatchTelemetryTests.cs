using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Verifier.Core.Batch;
using Verifier.Core.Telemetry;

namespace Verifier.Core.Tests.Telemetry;

/// <summary>A batch's span and item counter: counts by outcome, each item's verification its child, no item name or URL.</summary>
[Collection(nameof(TelemetryCapture))]
public sealed class BatchTelemetryTests : IAsyncLifetime
{
    private Ob2TestIssuer _issuer = null!;

    public async Task InitializeAsync()
    {
        _issuer = await Ob2TestIssuer.StartAsync();
        _issuer.Publish();
        _issuer.Serve(Ob2TestIssuer.AssertionUrl, Ob2TestIssuer.Assertion());
    }

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task RunAsync_ThreeItems_OneBatchSpanWithCountsParentOfEachVerification()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var services = EngineFactory.Build(_issuer.Server, [Ob2TestIssuer.Host]);
        var runner = services.GetRequiredService<BatchRunner>();
        BatchItem[] items =
        [
            new(0, "ada-secret-name.png", VerificationInput.FromUrl(new Uri(Ob2TestIssuer.AssertionUrl)), Ob2TestIssuer.Email, null),
            new(1, "gone", VerificationInput.FromUrl(new Uri(Ob2TestIssuer.Origin + "/missing.json")), null, null),
            new(2, "empty", null, null, new BatchItemError("nothing-verifiable", "no kind")),
        ];

        using (Sdk.CreateTracerProviderBuilder().AddSource(VerifierTelemetry.SourceName).AddInMemoryExporter(spans).Build())
        using (var metering = Sdk.CreateMeterProviderBuilder().AddMeter(VerifierTelemetry.SourceName).AddInMemoryExporter(metrics).Build())
        {
            await runner.RunAsync(items, new BatchRequest(2), "http", (_, _) => ValueTask.CompletedTask, CancellationToken.None);
            metering.ForceFlush();
        }

        var batch = Assert.Single(spans, s => s.OperationName == VerifierTelemetry.BatchSpan);
        Assert.Equal(3, batch.GetTagItem("verifier.batch.items"));
        Assert.Equal(1, batch.GetTagItem("verifier.batch.valid"));
        Assert.Equal(1, batch.GetTagItem("verifier.batch.invalid"));
        Assert.Equal(1, batch.GetTagItem("verifier.batch.errors"));
        Assert.Equal(2, spans.Count(s => s.OperationName == VerifierTelemetry.VerifySpan && s.ParentSpanId == batch.SpanId));
        var text = string.Join(' ', spans.SelectMany(s => s.Tags).Select(t => t.Value))
            + string.Join(' ', metrics.Where(m => m.Name == "verifier.batch.items").SelectMany(Tags));
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/missing", text, StringComparison.Ordinal);
        Assert.Contains("error", metrics.Where(m => m.Name == "verifier.batch.items").SelectMany(Tags));
    }

    private static List<string> Tags(Metric metric)
    {
        var values = new List<string>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            foreach (var tag in point.Tags)
            {
                values.Add(tag.Value?.ToString() ?? string.Empty);
            }
        }

        return values;
    }
}
