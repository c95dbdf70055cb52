using OpenTelemetry.Trace;

namespace Verifier.Hosts.Tests.Local;

/// <summary>The local host and the CLI export only when OTEL_EXPORTER_OTLP_ENDPOINT is set, and never to the console.</summary>
public sealed class OtlpTelemetryTests
{
    private static (bool Added, ServiceProvider Services) Build(string? endpoint)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [OtlpTelemetry.EndpointVariable] = endpoint }).Build();
        var services = new ServiceCollection().AddLogging();
        var added = services.AddVerifierOtlp(configuration);
        return (added, services.BuildServiceProvider());
    }

    [Fact]
    public void AddVerifierOtlp_EndpointSet_TracesTheEngine()
    {
        var (added, services) = Build("http://127.0.0.1:4317");
        using var _ = services;

        Assert.True(added);
        Assert.NotNull(services.GetService<TracerProvider>());
    }

    [Fact]
    public void AddVerifierOtlp_NoEndpoint_RegistersNothing()
    {
        var (added, services) = Build(null);
        using var _ = services;

        Assert.False(added);
        Assert.Null(services.GetService<TracerProvider>());
    }
}
