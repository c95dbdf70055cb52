using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Moq;
using Verifier.Functions;
using Verifier.Storage.Jobs;
using Xunit.Abstractions;

namespace Verifier.Hosts.Tests.Functions.Jobs;

/// <summary>
/// Jobs end to end on Azurite, through the Functions app's own classes: the HTTP functions create the job and report
/// on it, and <see cref="QueueHostEmulator"/> feeds <see cref="JobBatchFunction"/> the messages it reads from the queue,
/// as the host would. Set VERIFIER_JOB_ITEMS (scripts/bench-jobs.sh: 10000) for the large run.
/// </summary>
public sealed class JobFunctionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private Ob2Site _site = null!;

    public async Task InitializeAsync() => _site = await Ob2Site.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [SkippableFact]
    public async Task Job_CreatedAndDrainedFromTheQueue_EveryItemHasExactlyOneResultAndTheSummaryAddsUp()
    {
        var (container, queue) = JobAzurite.Require();
        var items = int.TryParse(Environment.GetEnvironmentVariable("VERIFIER_JOB_ITEMS"), CultureInfo.InvariantCulture, out var n) ? n : 60;
        var batchSize = items >= 1000 ? 20 : 7;
        try
        {
            using var services = Services(container, queue, batchSize);
            var functions = JobFunctionsOf(services);
            var clock = Stopwatch.StartNew();

            var created = await CallAsync(functions.CreateJob, "POST", Manifest(items), "application/x-ndjson");
            var id = created.Body.GetProperty("id").GetString()!;
            var emulator = new QueueHostEmulator(queue, new JobBatchFunction(services));
            await emulator.RunUntilAsync(async () => await StatusAsync(functions, id) is { } s && s.GetProperty("status").GetString() == "completed", TimeSpan.FromMinutes(20));
            var elapsed = clock.Elapsed;
            var status = (await StatusAsync(functions, id))!.Value;
            var lines = await ResultsAsync(functions, id);

            Assert.Equal(202, created.Status);
            Assert.Equal($"/api/jobs/{id}", created.Location);
            Assert.Equal(items, status.GetProperty("items").GetInt32());
            Assert.Equal(Enumerable.Range(0, items), lines.Select(l => l.GetProperty("index").GetInt32()));
            var expected = Expected(items);
            var summary = status.GetProperty("summary");
            Assert.Equal(expected, (summary.GetProperty("valid").GetInt32(), summary.GetProperty("invalid").GetInt32(), summary.GetProperty("error").GetInt32()));
            Assert.Equal(expected.Valid, lines.Count(l => l.GetProperty("outcome").GetString() == "valid"));
            Assert.Empty(emulator.Poisoned);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"job of {items} items in {status.GetProperty("batches").GetInt32()} batches: {elapsed.TotalSeconds:F1} s end to end = {items / elapsed.TotalSeconds:F0} items/s; {lines.Count} result lines, {lines.Select(l => l.GetProperty("index").GetInt32()).Distinct().Count()} distinct; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
            await queue.DeleteIfExistsAsync();
        }
    }

    [SkippableFact]
    public async Task Job_ResultsWriteFailsOnceMidJob_TheBatchIsRetriedWithoutDuplicateOrLostResults()
    {
        var (real, queue) = JobAzurite.Require();
        try
        {
            // Storage made to fail once: the third batch's first results upload answers 503, as a throttled account would.
            var failing = new FailOnce(real);
            using var services = Services(failing.Container, queue, batchSize: 5);
            var functions = JobFunctionsOf(services);
            var created = await CallAsync(functions.CreateJob, "POST", Manifest(30), "application/x-ndjson");
            var id = created.Body.GetProperty("id").GetString()!;
            failing.Target = JobStore.ResultsName(id, 2);

            var emulator = new QueueHostEmulator(queue, new JobBatchFunction(services));
            await emulator.RunUntilAsync(async () => (await StatusAsync(functions, id))!.Value.GetProperty("status").GetString() == "completed", TimeSpan.FromMinutes(2));
            var lines = await ResultsAsync(functions, id);
            var summary = (await StatusAsync(functions, id))!.Value.GetProperty("summary");

            Assert.Equal(1, failing.Thrown);
            Assert.Equal(1, emulator.Failures);
            Assert.Equal(6, emulator.Processed);
            Assert.Equal(Enumerable.Range(0, 30), lines.Select(l => l.GetProperty("index").GetInt32()));
            Assert.Equal(Expected(30), (summary.GetProperty("valid").GetInt32(), summary.GetProperty("invalid").GetInt32(), summary.GetProperty("error").GetInt32()));
        }
        finally
        {
            await real.DeleteIfExistsAsync();
            await queue.DeleteIfExistsAsync();
        }
    }

    [SkippableFact]
    public async Task CreateJob_ManifestBlobInTheAccount_ReadsItFromStorage()
    {
        var (container, queue) = JobAzurite.Require();
        var manifests = container.GetParentBlobServiceClient().GetBlobContainerClient(container.Name + "-in");
        try
        {
            using var services = Services(container, queue, batchSize: 4);
            await manifests.CreateIfNotExistsAsync();
            await manifests.GetBlobClient("catalogue.ndjson").UploadAsync(BinaryData.FromBytes(Manifest(9)));

            var created = await CallAsync(JobFunctionsOf(services).CreateJob, "POST",
                Encoding.UTF8.GetBytes($"{{\"manifestBlob\":\"{manifests.Name}/catalogue.ndjson\"}}"), "application/json");

            Assert.Equal(202, created.Status);
            Assert.Equal(9, created.Body.GetProperty("items").GetInt32());
            Assert.Equal(3, created.Body.GetProperty("batches").GetInt32());
            Assert.Equal(3, (await queue.PeekMessagesAsync(32)).Value.Length);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
            await manifests.DeleteIfExistsAsync();
            await queue.DeleteIfExistsAsync();
        }
    }

    [SkippableFact]
    public async Task CreateJob_MoreItemsThanAllowed_Returns413AndEnqueuesNothing()
    {
        var (container, queue) = JobAzurite.Require();
        try
        {
            using var services = Services(container, queue, batchSize: 4, maxItems: 5);

            var created = await CallAsync(JobFunctionsOf(services).CreateJob, "POST", Manifest(6), "application/x-ndjson");

            Assert.Equal(413, created.Status);
            Assert.Equal("batch-too-large", created.Body.GetProperty("code").GetString());
            Assert.False((await queue.ExistsAsync()).Value);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
            await queue.DeleteIfExistsAsync();
        }
    }

    [SkippableFact]
    public async Task GetJob_UnknownOrMalformedId_Returns404()
    {
        var (container, queue) = JobAzurite.Require();
        using var services = Services(container, queue, batchSize: 4);
        var functions = JobFunctionsOf(services);

        var unknown = await CallAsync(functions.GetJob, "GET", [], null, "/api/jobs/" + Guid.NewGuid().ToString("N"));
        var malformed = await CallAsync(functions.GetJob, "GET", [], null, "/api/jobs/..%2Fother");

        Assert.Equal(404, unknown.Status);
        Assert.Equal(404, malformed.Status);
        Assert.Equal("job-not-found", unknown.Body.GetProperty("code").GetString());
    }

    /// <summary>Every seventh item names nothing to verify (an error line), every fifth is a tampered JWS (invalid), the rest verify.</summary>
    private byte[] Manifest(int items)
    {
        var jws = _site.SignedAssertion();
        var parts = jws.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{parts[2][..^4]}AAAA";
        var text = new StringBuilder();
        for (var i = 0; i < items; i++)
        {
            var item = i % 7 == 3 ? new JsonObject { ["name"] = $"item {i}" }
                : i % 5 == 1 ? new JsonObject { ["name"] = $"item {i}", ["jws"] = tampered }
                : i % 2 == 0 ? new JsonObject { ["name"] = $"item {i}", ["url"] = Ob2Site.HostedUrl }
                : new JsonObject { ["name"] = $"item {i}", ["jws"] = jws };
            text.Append(item.ToJsonString()).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static (int Valid, int Invalid, int Error) Expected(int items)
    {
        var error = Enumerable.Range(0, items).Count(i => i % 7 == 3);
        var invalid = Enumerable.Range(0, items).Count(i => i % 7 != 3 && i % 5 == 1);
        return (items - error - invalid, invalid, error);
    }

    private ServiceProvider Services(BlobContainerClient container, QueueClient queue, int batchSize, int maxItems = 100_000)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Verifier:Fetch:AllowLoopback"] = "true",
            [$"Verifier:Fetch:HostMap:{Ob2Site.Host}"] = _site.MappedTo,
            ["Verifier:Jobs:ConnectionString"] = JobAzurite.ConnectionString,
            ["Verifier:Jobs:ContainerName"] = container.Name,
            ["Verifier:Jobs:BatchSize"] = batchSize.ToString(CultureInfo.InvariantCulture),
            ["Verifier:Jobs:MaxItems"] = maxItems.ToString(CultureInfo.InvariantCulture),
        }).Build();
        // The test's own container and queue take the place of the configured ones (registered first: AddVerifierJobs only adds what is missing).
        var services = new ServiceCollection().AddLogging().AddSingleton(new JobStore(container)).AddSingleton(queue);
        return services.AddVerifierFunctions(configuration).BuildServiceProvider();
    }

    private static JobFunctions JobFunctionsOf(IServiceProvider services) => ActivatorUtilities.CreateInstance<JobFunctions>(services);

    private static async Task<JsonElement?> StatusAsync(JobFunctions functions, string id)
    {
        var status = await CallAsync(functions.GetJob, "GET", [], null, "/api/jobs/" + id);
        return status.Status == 200 ? status.Body : null;
    }

    private static async Task<List<JsonElement>> ResultsAsync(JobFunctions functions, string id)
    {
        var context = Context("GET", [], null, $"/api/jobs/{id}/results");
        var result = await functions.GetJobResults(context.Request, CancellationToken.None);
        await result.ExecuteAsync(context);
        var text = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Equal(200, context.Response.StatusCode);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    private static async Task<(int Status, string? Location, JsonElement Body)> CallAsync(
        Func<HttpRequest, CancellationToken, Task<IResult>> function, string method, byte[] body, string? contentType, string path = "/api/jobs")
    {
        var context = Context(method, body, contentType, path);
        var result = await function(context.Request, CancellationToken.None);
        await result.ExecuteAsync(context);
        var bytes = ((MemoryStream)context.Response.Body).ToArray();
        using var doc = JsonDocument.Parse(bytes);
        return (context.Response.StatusCode, context.Response.Headers.Location.ToString(), doc.RootElement.Clone());
    }

    private static DefaultHttpContext Context(string method, byte[] body, string? contentType, string path)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>
    /// A container client whose results blob for <see cref="Target"/> fails its first upload (503) and then works: every
    /// other call goes to the real Azurite container.
    /// </summary>
    private sealed class FailOnce
    {
        private readonly BlobContainerClient _real;
        private int _calls;
        private int _thrown;

        public FailOnce(BlobContainerClient real)
        {
            _real = real;
            var container = new Mock<BlobContainerClient>();
            container.SetupGet(c => c.Name).Returns(real.Name);
            container.Setup(c => c.GetBlobClient(It.IsAny<string>())).Returns((string name) => name == Target && _thrown == 0 ? Failing(name) : real.GetBlobClient(name));
            container.Setup(c => c.GetBlobsAsync(It.IsAny<BlobTraits>(), It.IsAny<BlobStates>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .Returns((BlobTraits traits, BlobStates states, string prefix, CancellationToken ct) => real.GetBlobsAsync(traits, states, prefix, ct));
            container.Setup(c => c.CreateIfNotExistsAsync(It.IsAny<PublicAccessType>(), It.IsAny<IDictionary<string, string>>(), It.IsAny<BlobContainerEncryptionScopeOptions>(), It.IsAny<CancellationToken>()))
                .Returns((PublicAccessType a, IDictionary<string, string> m, BlobContainerEncryptionScopeOptions e, CancellationToken ct) => real.CreateIfNotExistsAsync(a, m, e, ct));
            Container = container.Object;
        }

        public BlobContainerClient Container { get; }

        public string? Target { get; set; }

        public int Thrown => _thrown;

        private BlobClient Failing(string name)
        {
            var blob = _real.GetBlobClient(name);
            var mock = new Mock<BlobClient>();
            mock.Setup(b => b.UploadAsync(It.IsAny<BinaryData>(), It.IsAny<BlobUploadOptions>(), It.IsAny<CancellationToken>()))
                .Returns((BinaryData data, BlobUploadOptions options, CancellationToken ct) =>
                {
                    if (Interlocked.Increment(ref _calls) == 1)
                    {
                        Interlocked.Increment(ref _thrown);
                        throw new RequestFailedException(503, "Server busy (a test's storage made to fail once)");
                    }

                    return blob.UploadAsync(data, options, ct);
                });
            return mock.Object;
        }
    }
}
