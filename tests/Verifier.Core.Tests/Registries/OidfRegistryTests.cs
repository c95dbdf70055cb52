namespace Verifier.Core.Tests.Registries;

/// <summary>An OpenID Federation anchor on a loopback server, with statements the tests sign: what counts as listed, not listed and unchecked.</summary>
public sealed class OidfRegistryTests
{
    private const string Did = "did:web:listed.example";
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LookUpAsync_ListedDid_IsKnownUnderTheStatementsName()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(Now);
        anchor.List(Did, anchor.Statement(Did, "Listed College"));
        anchor.Serve(server);
        using var sp = IssuerRegistriesTests.Build(server, o => o.Registries = [Oidf()]);

        var lookup = await IssuerRegistriesTests.LookUpAsync(sp, Did);

        var listing = Assert.Single(lookup.KnownIn);
        Assert.Equal(("Test Federation", "Listed College", "The Board of Listed College"), (listing.Registry, listing.Name, listing.LegalName));
    }

    [Fact]
    public async Task LookUpAsync_UnlistedDid_IsNotListed_AndThe404IsRememberedBriefly()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(Now);
        anchor.Serve(server);
        var time = new FakeTimeProvider(Now);
        using var sp = IssuerRegistriesTests.Build(server, o => o.Registries = [Oidf()], time);

        var first = await IssuerRegistriesTests.LookUpAsync(sp, Did);
        await IssuerRegistriesTests.LookUpAsync(sp, Did);
        time.Advance(TimeSpan.FromMinutes(1));
        await IssuerRegistriesTests.LookUpAsync(sp, Did);

        Assert.Equal(RegistryStatus.NotListed, Assert.Single(first.Answers).Answer.Status);
        Assert.Null(first.Answers[0].Answer.Note);
        Assert.Equal(2, server.Hits("/fetch"));
        Assert.Equal(1, server.Hits("/.well-known/openid-federation"));
    }

    [Fact]
    public async Task LookUpAsync_FetchEndpointAnswers500_IsUnchecked()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(Now);
        anchor.Serve(server);
        server.MapStatus("/fetch", 500);
        using var sp = IssuerRegistriesTests.Build(server, o =>
        {
            o.Fetch.RetryCount = 0;
            o.Registries = [Oidf()];
        });

        var lookup = await IssuerRegistriesTests.LookUpAsync(sp, Did);

        Assert.Contains("500", Assert.Single(lookup.Unchecked).Answer.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpAsync_ForgedStatement_IsNotListedWithTheReason()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(Now);
        using var forger = OpenBadges3.TestKey.P256();
        anchor.List(Did, anchor.Statement(Did, "Forged College", signer: forger));
        anchor.Serve(server);
        using var sp = IssuerRegistriesTests.Build(server, o => o.Registries = [Oidf()]);

        var lookup = await IssuerRegistriesTests.LookUpAsync(sp, Did);

        Assert.Empty(lookup.KnownIn);
        var refused = Assert.Single(lookup.Refused);
        Assert.Contains("signature does not verify", refused.Answer.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpAsync_FetchEndpointAnswersSomethingElseThan200Statement_IsUnchecked()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(Now);
        anchor.List(Did, "{\"error\":\"server_error\"}");
        anchor.Serve(server);
        using var sp = IssuerRegistriesTests.Build(server, o => o.Registries = [Oidf()]);

        var lookup = await IssuerRegistriesTests.LookUpAsync(sp, Did);

        Assert.Contains("did not answer with an entity statement", Assert.Single(lookup.Unchecked).Answer.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpAsync_ExpiredStatement_IsNotListedWithTheReason()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(Now);
        anchor.List(Did, anchor.Statement(Did, "Lapsed", p => p["exp"] = Now.AddDays(-1).ToUnixTimeSeconds()));
        anchor.Serve(server);
        using var sp = IssuerRegistriesTests.Build(server, o => o.Registries = [Oidf()]);

        var lookup = await IssuerRegistriesTests.LookUpAsync(sp, Did);

        Assert.Contains("expired", Assert.Single(lookup.Refused).Answer.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpAsync_ConfigurationRefusedOrExpired_IsUnchecked()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(Now);
        using var stranger = new TestAnchor(Now);
        anchor.List(Did, anchor.Statement(Did, "Listed College"));
        anchor.Serve(server, anchor.Configuration(p => p["exp"] = Now.AddHours(-1).ToUnixTimeSeconds()));
        using var expired = IssuerRegistriesTests.Build(server, o => o.Registries = [Oidf()]);
        using var pinnedElsewhere = IssuerRegistriesTests.Build(server, o => o.Registries = [Oidf(stranger)]);

        var a = await IssuerRegistriesTests.LookUpAsync(expired, Did);
        anchor.Serve(server);
        var b = await IssuerRegistriesTests.LookUpAsync(pinnedElsewhere, Did);

        Assert.Contains("expired", Assert.Single(a.Unchecked).Answer.Note, StringComparison.Ordinal);
        Assert.Contains("pinned", Assert.Single(b.Unchecked).Answer.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpAsync_Cached_VerifiesWithoutFetchingAgain()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(Now);
        anchor.List(Did, anchor.Statement(Did, "Listed College"));
        anchor.Serve(server);
        using var sp = IssuerRegistriesTests.Build(server, o => o.Registries = [Oidf(anchor)]);

        var first = await IssuerRegistriesTests.LookUpAsync(sp, Did);
        var second = await IssuerRegistriesTests.LookUpAsync(sp, Did);

        Assert.Same(first.KnownIn[0], second.KnownIn[0]);
        Assert.Equal((1, 1), (server.Hits("/.well-known/openid-federation"), server.Hits("/fetch")));
    }

    /// <param name="pin">An anchor whose key is pinned in configuration, or null for none.</param>
    private static IssuerRegistryOptions Oidf(TestAnchor? pin = null)
    {
        var jwk = pin?.PublicJwk();
        return new()
        {
            Name = "Test Federation",
            Type = "oidf",
            TrustAnchor = RegistryFixtures.AnchorId,
            Jwks = jwk is null ? null : new PinnedJwks
            {
                Keys = [new PinnedJwk { Kty = "EC", Crv = "P-256", Kid = TestAnchor.Kid, X = jwk["x"]!.GetValue<string>(), Y = jwk["y"]!.GetValue<string>() }],
            },
        };
    }
}
