using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Extensions.Options;
using SimpleBase;
using Verifier.Core.Caching;
using Verifier.Core.Status;

namespace Verifier.Core.Tests.Caching;

/// <summary>Runs alone: it measures the process, which parallel tests would disturb.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>
/// An anonymous caller chooses which status lists and keys get cached. 10,000 distinct lists (each a 16 KiB bitstring
/// once decoded) and 10,000 distinct keys (half did:key, half JWKs), served by a loopback server, hold about 200 MB if
/// every answer is kept; with the budgets below the engine keeps what fits and the process stays within a stated bound.
/// </summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class MemoryBoundTests(ITestOutputHelper output)
{
    private const int Distinct = 10_000;
    private const long StatusListBudget = 8L * 1024 * 1024;
    private const long KeyBudget = 2L * 1024 * 1024;
    private const long DocumentBudget = 8L * 1024 * 1024;

    /// <summary>The stated bound: the budgets (18 MiB) plus 30 MiB for the loopback server, pools and JIT.</summary>
    private const long ManagedGrowthBound = 48L * 1024 * 1024;

    /// <summary>The stated bound on the whole test process's working set at the end.</summary>
    private const long WorkingSetBound = 1024L * 1024 * 1024;

    [Fact]
    public async Task Caches_TenThousandDistinctListsAndKeys_StayWithinTheirBudgets()
    {
        await using var server = await LoopbackServer.StartAsync();
        var list = StatusListJson();
        var jwk = Jwk();
        for (var i = 0; i < Distinct; i++)
        {
            server.MapJson($"/lists/{i}", list);
            server.MapJson($"/keys/{i}", jwk);
        }

        using var services = EngineFactory.Build(server, ["status.example", "keys.example"], configure: o =>
        {
            o.MemoryCache.StatusListBytes = StatusListBudget;
            o.MemoryCache.KeyBytes = KeyBudget;
            o.Fetch.MemoryCacheBytes = DocumentBudget;
        });
        var loader = services.GetRequiredService<StatusListLoader>();
        var keys = services.GetRequiredService<IKeyResolver>();
        var cache = services.GetRequiredService<EngineCache>();
        var options = services.GetRequiredService<IOptions<VerifierOptions>>().Value;
        var context = new VerificationContext(new VerificationRequest { Input = VerificationInput.FromText("{}") }, options, DateTimeOffset.UnixEpoch);
        var before = Measure("before");

        await Parallel.ForAsync(0, Distinct, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var (loaded, failure) = await loader.LoadAsync(new Uri($"https://status.example/lists/{i}"), context, ct);
            Assert.True(loaded?.Bits is not null, failure?.Describe());
            // Half the keys computed (did:key), half fetched from the loopback server (a JWK per URL).
            var key = await keys.ResolveAsync(i % 2 == 0 ? DidKey(i) : $"https://keys.example/keys/{i}", ct);
            Assert.True(i % 2 == 0 || key.Key is not null, key.Error);
        });

        var after = Measure("after");
        Assert.InRange(cache.Size(CacheTier.StatusList), 1, StatusListBudget);
        Assert.InRange(cache.Size(CacheTier.Key), 1, KeyBudget);
        Assert.True(cache.Count(CacheTier.StatusList) < Distinct / 10, $"{cache.Count(CacheTier.StatusList)} lists kept");
        Assert.True(after.Managed - before.Managed < ManagedGrowthBound, $"managed heap grew {(after.Managed - before.Managed) / 1048576} MiB");
        Assert.True(after.WorkingSet < WorkingSetBound, $"working set {after.WorkingSet / 1048576} MiB");
    }

    private (long Managed, long WorkingSet) Measure(string when)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        output.WriteLine($"{when}: managed heap {managed / 1048576.0:0.0} MiB, working set {process.WorkingSet64 / 1048576.0:0.0} MiB");
        return (managed, process.WorkingSet64);
    }

    /// <summary>A Bitstring status list credential without a proof: decoded and cached as a list whose proof failed.</summary>
    private static string StatusListJson()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize))
        {
            gzip.Write(new byte[Bitstring.MinimumBytes]);
        }

        var encoded = "u" + Convert.ToBase64String(compressed.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],"
            + "\"issuer\":\"https://status.example/issuer\",\"credentialSubject\":{\"type\":\"BitstringStatusList\",\"statusPurpose\":\"revocation\",\"encodedList\":\"" + encoded + "\"}}";
    }

    private static string Jwk()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ec.ExportParameters(false);
        return $"{{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"{Base64Url(p.Q.X!)}\",\"y\":\"{Base64Url(p.Q.Y!)}\"}}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A distinct did:key for an Ed25519 public key (multicodec 0xed01).</summary>
    private static string DidKey(int i)
    {
        var bytes = new byte[34];
        bytes[0] = 0xed;
        bytes[1] = 0x01;
        BitConverter.TryWriteBytes(bytes.AsSpan(2), i);
        RandomNumberGenerator.Fill(bytes.AsSpan(6));
        var multibase = "z" + Base58.Bitcoin.Encode(bytes);
        return $"did:key:{multibase}#{multibase}";
    }
}
