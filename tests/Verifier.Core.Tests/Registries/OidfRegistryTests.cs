namespace Verifier.Core.Tests.Registries;

/// <summary>An OpenID Federation anchor on a loopback server, with statements the tests sign: what counts as listed, not listed and unchecked.</summary>
public sealed class OidfRegistryTests
{
    private const string Did = "did:web:listed.example";

    [Fact]
    public async Task LookUpAsync_ListedDid_IsKnownUnderTheStatementsName()
    {
        var lookup = await LookUpListedAsync(anchor => anchor.Statement(Did, "Listed College"));

        var listing = Assert.Single(lookup.KnownIn);
        Assert.Equal(("Test Federation", "Listed College", "The Board of Listed College"), (listing.Registry, listing.Name, listing.LegalName));
    }

    [Fact]
    public async Task LookUpAsync_UnlistedDid_IsNotListed_AndThe404IsRememberedBriefly()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        anchor.Serve(server);
        var time = new FakeTimeProvider(RegistryFixtures.Now);
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
        using var anchor = new TestAnchor(RegistryFixtures.Now);
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
        using var forger = OpenBadges3.TestKey.P256();

        var lookup = await LookUpListedAsync(anchor => anchor.Statement(Did, "Forged College", signer: forger));

        Assert.Empty(lookup.KnownIn);
        var refused = Assert.Single(lookup.Refused);
        Assert.Contains("signature does not verify", refused.Answer.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpAsync_FetchEndpointAnswersSomethingElseThan200Statement_IsUnchecked()
    {
        var lookup = await LookUpListedAsync(_ => "{\"error\":\"server_error\"}");

        Assert.Contains("did not answer with an entity statement", Assert.Single(lookup.Unchecked).Answer.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpAsync_ExpiredStatement_IsNotListedWithTheReason()
    {
        var lookup = await LookUpListedAsync(anchor => anchor.Statement(Did, "Lapsed", p => p["exp"] = RegistryFixtures.Now.AddDays(-1).ToUnixTimeSeconds()));

        Assert.Contains("expired", Assert.Single(lookup.Refused).Answer.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpAsync_ConfigurationRefusedOrExpired_IsUnchecked()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        using var stranger = new TestAnchor(RegistryFixtures.Now);
        anchor.List(Did, anchor.Statement(Did, "Listed College"));
        anchor.Serve(server, anchor.Configuration(p => p["exp"] = RegistryFixtures.Now.AddHours(-1).ToUnixTimeSeconds()));
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
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        anchor.List(Did, anchor.Statement(Did, "Listed College"));
        anchor.Serve(server);
        using var sp = IssuerRegistriesTests.Build(server, o => o.Registries = [Oidf(anchor)]);

        var first = await IssuerRegistriesTests.LookUpAsync(sp, Did);
        var second = await IssuerRegistriesTests.LookUpAsync(sp, Did);

        Assert.Same(first.KnownIn[0], second.KnownIn[0]);
        Assert.Equal((1, 1), (server.Hits("/.well-known/openid-federation"), server.Hits("/fetch")));
    }

    /// <summary>
    /// The setup four tests shared: an anchor on a loopback server answers its fetch endpoint for <see cref="Did"/> with
    /// what <paramref name="answer"/> makes (a statement it signs, or anything else), and the DID is looked up once.
    /// </summary>
    private static async Task<RegistryLookup> LookUpListedAsync(Func<TestAnchor, string> answer)
    {
        await using var server = await LoopbackServer.StartAsync();
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        anchor.List(Did, answer(anchor));
        anchor.Serve(server);
        using var sp = IssuerRegistriesTests.Build(server, o => o.Registries = [Oidf()]);
        return await IssuerRegistriesTests.LookUpAsync(sp, Did);
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
