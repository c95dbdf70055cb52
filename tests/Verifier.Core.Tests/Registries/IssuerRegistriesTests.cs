using System.Diagnostics;

namespace Verifier.Core.Tests.Registries;

/// <summary>Lookups through the real guarded, cached fetcher against loopback registries: authority, unchecked versus not listed, the deadline.</summary>
public sealed class IssuerRegistriesTests
{
    private const string Did = "did:key:z6MkListedIssuer";

    [Fact]
    public async Task LookUpAsync_TwoRegistriesListTheDid_KnownInFollowsTheConfiguredOrder()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/first.json", RegistryFixtures.Legacy((Did, "Name From First")));
        server.MapJson("/second.json", RegistryFixtures.Legacy((Did, "Name From Second")));
        using var sp = Build(server, o => o.Registries = [Legacy("Second", "/second.json"), Legacy("First", "/first.json")]);

        var lookup = await LookUpAsync(sp, Did + "#key-1");

        Assert.Equal(["Second", "First"], lookup.KnownIn.Select(k => k.Registry));
        Assert.Equal("Name From Second", lookup.KnownIn[0].Name);
    }

    [Theory]
    [InlineData(500, null)]
    [InlineData(404, null)]
    [InlineData(200, "{}")]
    [InlineData(200, "<html>sign in</html>")]
    public async Task LookUpAsync_RegistryDocumentUnusable_IsUncheckedNeverNotListed(int status, string? body)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/ok.json", RegistryFixtures.Legacy(("did:key:z6MkSomeoneElse", "Someone")));
        if (body is null)
        {
            server.MapStatus("/broken.json", status);
        }
        else
        {
            server.MapJson("/broken.json", body, status);
        }

        using var sp = Build(server, o => o.Registries = [Legacy("Broken", "/broken.json"), Legacy("Answers", "/ok.json")]);

        var lookup = await LookUpAsync(sp, Did);

        Assert.Empty(lookup.KnownIn);
        Assert.Equal(["Broken"], lookup.Unchecked.Select(u => u.Registry));
        Assert.Equal(RegistryStatus.NotListed, lookup.Answers.Single(a => a.Registry == "Answers").Answer.Status);
    }

    [Fact]
    public async Task LookUpAsync_RegistryThatDoesNotAnswer_IsUncheckedWithinTheDeadline()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Map("/slow.json", async ctx => await Task.Delay(TimeSpan.FromSeconds(20), ctx.RequestAborted));
        server.MapJson("/ok.json", RegistryFixtures.Legacy((Did, "Listed")));
        using var sp = Build(server, o =>
        {
            o.RegistryDeadline = TimeSpan.FromMilliseconds(400);
            o.Registries = [Legacy("Slow", "/slow.json"), Legacy("Fast", "/ok.json")];
        });
        var clock = Stopwatch.StartNew();

        var lookup = await LookUpAsync(sp, Did);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(["Fast"], lookup.KnownIn.Select(k => k.Registry));
        Assert.Contains("no answer within", lookup.Unchecked.Single().Answer.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpAsync_DocumentCached_IsFetchedOnce()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/registry.json", RegistryFixtures.Legacy((Did, "Listed")));
        using var sp = Build(server, o => o.Registries = [Legacy("R", "/registry.json")]);

        await LookUpAsync(sp, Did);
        var second = await LookUpAsync(sp, Did);

        Assert.Single(second.KnownIn);
        Assert.Equal(1, server.Hits("/registry.json"));
    }

    [Fact]
    public async Task LookUpAsync_WebIdentity_IsAskedOfLocalRegistriesOnly_UnderRule1()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapJson("/registry.json", RegistryFixtures.Legacy(("https://issuer.example/profile", "Public Entry")));
        using var sp = Build(server, o => o.Registries =
        [
            Legacy("Public", "/registry.json"),
            new() { Name = "Ours", Type = "local", Entries = [new() { Id = "http://ISSUER.example/profile", Name = "Our Partner" }] },
        ]);

        var same = await LookUpAsync(sp, "https://issuer.example/profile#me");
        var otherPath = await LookUpAsync(sp, "https://issuer.example/profile/2");

        Assert.Equal(["Ours"], same.Answers.Select(a => a.Registry));
        Assert.Equal("Our Partner", Assert.Single(same.KnownIn).Name);
        Assert.Empty(otherPath.KnownIn);
        Assert.Equal(0, server.Hits("/registry.json"));
    }

    [Theory]
    [InlineData("dcc-legacy", "http://registry.example/registry.json", null, "https url")]
    [InlineData("oidf", null, null, "trustAnchor")]
    [InlineData("whatever", null, null, "unknown")]
    [InlineData("local", null, null, "exactly one of")]
    [InlineData("local", null, "blob.json", "storage account")]
    public async Task LookUpAsync_MisconfiguredRegistry_IsUncheckedSayingWhy(string type, string? url, string? blob, string reason)
    {
        using var sp = Build(null, o => o.Registries = [new() { Name = "Bad", Type = type, Url = url, Blob = blob }]);

        var lookup = await LookUpAsync(sp, Did);

        Assert.Contains(reason, Assert.Single(lookup.Unchecked).Answer.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpAsync_LocalFile_IsReadOnce_AndAMissingFileIsUnchecked()
    {
        var path = Path.Combine(Path.GetTempPath(), $"registry-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, RegistryFixtures.Legacy((Did, "From A File")));
        try
        {
            using var sp = Build(null, o => o.Registries =
            [
                new() { Name = "File", Type = "local", Path = path },
                new() { Name = "Missing", Type = "local", Path = path + ".missing" },
            ]);

            var lookup = await LookUpAsync(sp, Did);

            Assert.Equal("From A File", Assert.Single(lookup.KnownIn).Name);
            Assert.Contains("does not exist", Assert.Single(lookup.Unchecked).Answer.Note, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static IssuerRegistryOptions Legacy(string name, string path) =>
        new() { Name = name, Type = "dcc-legacy", Url = "https://" + RegistryFixtures.LegacyHost + path };

    internal static ServiceProvider Build(LoopbackServer? server, Action<VerifierOptions> configure, FakeTimeProvider? time = null) =>
        EngineFactory.Build(server, [RegistryFixtures.LegacyHost, RegistryFixtures.AnchorHost], time ?? new FakeTimeProvider(RegistryFixtures.Now), configure);

    internal static Task<RegistryLookup> LookUpAsync(ServiceProvider sp, string identity) =>
        sp.GetRequiredService<IssuerRegistries>().LookUpAsync(RegistryIdentity.Normalize(identity)!.Value, default);
}
