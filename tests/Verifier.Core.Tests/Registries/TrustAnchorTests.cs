namespace Verifier.Core.Tests.Registries;

/// <summary>Entity configurations the tests sign themselves: what makes a trust anchor's own statement count.</summary>
public sealed class TrustAnchorTests
{
    [Fact]
    public async Task VerifyAsync_SelfSignedConfiguration_NamesItsFetchEndpoint()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);

        var (verified, error) = await TrustAnchor.VerifyAsync(anchor.Configuration(), anchor.EntityId, null);

        Assert.Null(error);
        Assert.Equal(anchor.FetchEndpoint, verified!.FetchEndpoint.AbsoluteUri);
        Assert.Null(verified.Statement.CheckLifetime(RegistryFixtures.Now, TimeSpan.Zero));
    }

    [Fact]
    public async Task VerifyAsync_SignedByAKeyItDoesNotCarry_IsRefused()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        using var forger = TestKey.P256();

        var (verified, error) = await TrustAnchor.VerifyAsync(anchor.Configuration(signer: forger), anchor.EntityId, null);

        Assert.Null(verified);
        Assert.Contains("signature does not verify", error);
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("sub")]
    public async Task VerifyAsync_IssOrSubNotTheAnchor_IsRefused(string claim)
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);

        var (_, error) = await TrustAnchor.VerifyAsync(anchor.Configuration(p => p[claim] = "https://evil.example"), anchor.EntityId, null);

        Assert.Contains("self-issued", error);
    }

    [Theory]
    [InlineData("typ", null, "no typ")]
    [InlineData("typ", "JWT", "typ JWT")]
    [InlineData("alg", "none", "alg none")]
    [InlineData("alg", "HS256", "alg HS256")]
    [InlineData("kid", null, "names no key")]
    [InlineData("crit", "[\"exp\"]", "crit")]
    public async Task VerifyAsync_HeaderOutsideTheRules_IsRefused(string member, string? value, string reason)
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        var jwt = anchor.Configuration(header: h =>
        {
            h.Remove(member);
            if (value is not null)
            {
                h[member] = value.StartsWith('[') ? JsonNode.Parse(value) : value;
            }
        });

        var (verified, error) = await TrustAnchor.VerifyAsync(jwt, anchor.EntityId, null);

        Assert.Null(verified);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_JwksWithPrivateKeyMaterial_IsRefused()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        var leaked = anchor.Key.Jwk(includePrivate: true);
        leaked["kid"] = TestAnchor.Kid;

        var (_, error) = await TrustAnchor.VerifyAsync(anchor.Configuration(p => p["jwks"] = new JsonObject { ["keys"] = new JsonArray(leaked) }), anchor.EntityId, null);

        Assert.Contains("private", error);
    }

    [Fact]
    public async Task VerifyAsync_NoFetchEndpoint_IsRefused()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);

        var (_, error) = await TrustAnchor.VerifyAsync(anchor.Configuration(p => p["metadata"]!["federation_entity"]!.AsObject().Remove("federation_fetch_endpoint")), anchor.EntityId, null);

        Assert.Contains("federation_fetch_endpoint", error);
    }

    [Fact]
    public async Task VerifyAsync_PinnedKeySignsAndIsCarried_Verifies()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);

        var (verified, error) = await TrustAnchor.VerifyAsync(anchor.Configuration(), anchor.EntityId, Pinned(anchor.PublicJwk()));

        Assert.Null(error);
        Assert.NotNull(verified);
    }

    [Fact]
    public async Task VerifyAsync_ServedKeysReplacedByAnAttacker_IsRefusedUnderThePin()
    {
        // Whoever controls the anchor's web server can serve a configuration self-signed with a key of their own.
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        using var attacker = new TestAnchor(RegistryFixtures.Now);

        var (verified, error) = await TrustAnchor.VerifyAsync(attacker.Configuration(), anchor.EntityId, Pinned(anchor.PublicJwk()));

        Assert.Null(verified);
        Assert.Contains("pinned key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_PinnedKeyNotCarriedByTheConfiguration_IsRefused()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        using var other = TestKey.P256();
        var otherJwk = other.Jwk();
        otherJwk["kid"] = TestAnchor.Kid;

        // Signed with the pinned key, yet its own key list no longer names it: the anchor has rotated away.
        var jwt = anchor.Configuration(p => p["jwks"] = new JsonObject { ["keys"] = new JsonArray(otherJwk) });
        var (_, error) = await TrustAnchor.VerifyAsync(jwt, anchor.EntityId, Pinned(anchor.PublicJwk()));

        Assert.Contains("does not carry the pinned key", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckLifetime_ExpiredOrIssuedInTheFuture_SaysWhy()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        var verified = (await TrustAnchor.VerifyAsync(anchor.Configuration(), anchor.EntityId, null)).Anchor!;

        Assert.Contains("expired", verified.Statement.CheckLifetime(RegistryFixtures.Now.AddDays(2), TimeSpan.FromMinutes(5)));
        Assert.Contains("future", verified.Statement.CheckLifetime(RegistryFixtures.Now.AddHours(-2), TimeSpan.FromMinutes(5)));
        Assert.Null(verified.Statement.CheckLifetime(RegistryFixtures.Now.AddHours(-1).AddMinutes(-4), TimeSpan.FromMinutes(5)));
    }

    private static Dictionary<string, Verifier.Core.Keys.KeyMaterial> Pinned(JsonObject jwk) =>
        TrustAnchor.ReadPinned(new PinnedJwks
        {
            Keys = [new PinnedJwk { Kty = "EC", Crv = "P-256", Kid = jwk["kid"]!.GetValue<string>(), X = jwk["x"]!.GetValue<string>(), Y = jwk["y"]!.GetValue<string>() }],
        }, out _)!;
}
