namespace Verifier.Core.Tests.Keys;

public class KeyResolverTests
{
    [Theory]
    [InlineData("EdDSA", KeyKind.Ed25519)]
    [InlineData("ES256", KeyKind.EcP256)]
    [InlineData("ES384", KeyKind.EcP384)]
    [InlineData("ES256K", KeyKind.EcSecp256k1)]
    public async Task ResolveAsync_DidKey_DecodesTheSameKey(string alg, KeyKind kind)
    {
        using var key = alg switch { "EdDSA" => TestKey.Ed25519(), "ES256" => TestKey.P256(), "ES256K" => TestKey.Secp256k1(), _ => TestKey.P384() };
        var resolver = Resolver(null, out var sp);
        using (sp)
        {
            var result = await resolver.ResolveAsync(key.DidKeyUrl, CancellationToken.None);

            Assert.Equal(KeyResolutionStatus.Resolved, result.Status);
            Assert.Equal(kind, result.Key!.Kind);
            // The compressed point was decompressed to the key's own Y coordinate.
            Assert.Equal(key.PublicRaw, result.Key.PublicKeyBytes);
            Assert.Equal(key.DidKey, result.Key.Controller);
            Assert.True(result.Key.ListedForAssertion);
        }
    }

    [Theory]
    [InlineData("EdDSA", KeyKind.Ed25519)]
    [InlineData("ES256", KeyKind.EcP256)]
    [InlineData("ES256K", KeyKind.EcSecp256k1)]
    public async Task ResolveAsync_DidKeyJwkJcsPub_DecodesTheSameKey(string alg, KeyKind kind)
    {
        using var key = alg switch { "EdDSA" => TestKey.Ed25519(), "ES256" => TestKey.P256(), _ => TestKey.Secp256k1() };
        var did = key.DidKeyJcs();
        var resolver = Resolver(null, out var sp);
        using (sp)
        {
            var result = await resolver.ResolveAsync(did + "#" + did["did:key:".Length..], CancellationToken.None);
            var leaked = await resolver.ResolveAsync(key.DidKeyJcs(includePrivate: true), CancellationToken.None);

            Assert.Equal(KeyResolutionStatus.Resolved, result.Status);
            Assert.Equal(kind, result.Key!.Kind);
            Assert.Equal(key.PublicRaw, result.Key.PublicKeyBytes);
            Assert.Equal(did, result.Key.Controller);
            Assert.Equal(KeyResolutionStatus.Invalid, leaked.Status);
        }
    }

    [Fact]
    public async Task ResolveAsync_DidKeyWithOtherFragment_IsNotFound()
    {
        using var key = TestKey.Ed25519();
        using var other = TestKey.Ed25519();
        var resolver = Resolver(null, out var sp);
        using (sp)
        {
            var result = await resolver.ResolveAsync(key.DidKey + "#" + other.Multibase(), CancellationToken.None);

            Assert.Equal(KeyResolutionStatus.NotFound, result.Status);
        }
    }

    [Fact]
    public async Task ResolveAsync_DidJwk_ResolvesAndRejectsPrivateKeys()
    {
        using var key = TestKey.P256();
        var resolver = Resolver(null, out var sp);
        using (sp)
        {
            var ok = await resolver.ResolveAsync(key.DidJwk + "#0", CancellationToken.None);
            var leaked = await resolver.ResolveAsync("did:jwk:" + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(key.Jwk(includePrivate: true).ToJsonString()) + "#0", CancellationToken.None);

            Assert.Equal(KeyResolutionStatus.Resolved, ok.Status);
            Assert.Equal(KeyKind.EcP256, ok.Key!.Kind);
            Assert.Equal(KeyResolutionStatus.Invalid, leaked.Status);
        }
    }

    [Fact]
    public async Task ResolveAsync_MalformedDidKey_IsInvalid()
    {
        var resolver = Resolver(null, out var sp);
        using (sp)
        {
            var result = await resolver.ResolveAsync("did:key:z0OIl", CancellationToken.None);

            Assert.Equal(KeyResolutionStatus.Invalid, result.Status);
        }
    }

    [Fact]
    public async Task ResolveAsync_UnsupportedDidMethod_IsUnsupported()
    {
        var resolver = Resolver(null, out var sp);
        using (sp)
        {
            Assert.Equal(KeyResolutionStatus.Unsupported, (await resolver.ResolveAsync("did:example:123#key-1", CancellationToken.None)).Status);
        }
    }

    [Theory]
    [InlineData("did:web:example.com", "https://example.com/.well-known/did.json")]
    [InlineData("did:web:example.com:user:alice", "https://example.com/user/alice/did.json")]
    [InlineData("did:web:localhost%3A8443", "https://localhost:8443/.well-known/did.json")]
    public void DidWebUrl_MapsToHttps(string did, string url) => Assert.Equal(url, DidResolvers.DidWebUrl(did)!.AbsoluteUri);

    [Fact]
    public async Task ResolveAsync_DidWebDocumentForAnotherDid_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        f.Server.MapJson("/.well-known/did.json", new JsonObject
        {
            ["id"] = "did:web:elsewhere.example",
            ["verificationMethod"] = new JsonArray(new JsonObject { ["id"] = "did:web:issuer.example#k", ["type"] = "Multikey", ["publicKeyMultibase"] = key.Multibase() }),
        }.ToJsonString());
        var resolver = Resolver(f, out var sp);
        using (sp)
        {
            var result = await resolver.ResolveAsync("did:web:issuer.example#k", CancellationToken.None);

            Assert.Equal(KeyResolutionStatus.Invalid, result.Status);
        }
    }

    [Theory]
    [InlineData("Ed25519VerificationKey2018", true)]
    [InlineData("Multikey", false)]
    public async Task ResolveAsync_DidWebPublicKeyBase58_OnlyAsEd25519VerificationKey2018(string type, bool resolves)
    {
        var expected = resolves ? KeyResolutionStatus.Resolved : KeyResolutionStatus.Unsupported;
        using var key = TestKey.Ed25519();

        var result = await ResolveDidWebMethodAsync(type, "publicKeyBase58", SimpleBase.Base58.Bitcoin.Encode(key.PublicRaw));

        Assert.Equal(expected, result.Status);
        if (expected == KeyResolutionStatus.Resolved)
        {
            Assert.Equal(KeyKind.Ed25519, result.Key!.Kind);
            Assert.Equal(key.PublicRaw, result.Key.PublicKeyBytes);
        }
    }

    /// <summary>A secp256k1 2019 method's SEC 1 point in base58 or hex; <paramref name="mangle"/> breaks it (an x with no point on the curve, or bad hex).</summary>
    [Theory]
    [InlineData("EcdsaSecp256k1VerificationKey2019", "publicKeyBase58", "", "Resolved")]
    [InlineData("EcdsaSecp256k1VerificationKey2019", "publicKeyHex", "", "Resolved")]
    [InlineData("Multikey", "publicKeyHex", "", "Unsupported")]
    [InlineData("Ed25519VerificationKey2018", "publicKeyBase58", "", "Invalid")]
    [InlineData("EcdsaSecp256k1VerificationKey2019", "publicKeyHex", "not-hex", "Invalid")]
    [InlineData("EcdsaSecp256k1VerificationKey2019", "publicKeyHex", "off-curve", "Invalid")]
    public async Task ResolveAsync_DidWebSecp256k1Point_OnlyAsItsOwnType(string type, string member, string mangle, string status)
    {
        var expected = Enum.Parse<KeyResolutionStatus>(status);
        using var key = TestKey.Secp256k1();
        var point = key.Compressed();
        if (mangle == "off-curve")
        {
            // x = 5: 5³ + 7 = 132 is not a square modulo secp256k1's prime, so no point has it.
            point = [0x02, .. new byte[31], 5];
        }

        var value = member == "publicKeyHex" ? Convert.ToHexStringLower(point) : SimpleBase.Base58.Bitcoin.Encode(point);
        var result = await ResolveDidWebMethodAsync(type, member, mangle == "not-hex" ? "zz" + value : value);

        Assert.Equal(expected, result.Status);
        if (expected == KeyResolutionStatus.Resolved)
        {
            Assert.Equal(KeyKind.EcSecp256k1, result.Key!.Kind);
            Assert.Equal(key.PublicRaw, result.Key.PublicKeyBytes);
        }
    }

    /// <summary>Serves did:web:issuer.example with one method #k (listed for assertions) holding <paramref name="value"/> in <paramref name="member"/>, and resolves it.</summary>
    private static async Task<KeyResolution> ResolveDidWebMethodAsync(string type, string member, string value)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        f.Server.MapJson("/.well-known/did.json", new JsonObject
        {
            ["id"] = "did:web:issuer.example",
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = "did:web:issuer.example#k",
                ["type"] = type,
                ["controller"] = "did:web:issuer.example",
                [member] = value,
            }),
            ["assertionMethod"] = new JsonArray("did:web:issuer.example#k"),
        }.ToJsonString());
        var resolver = Resolver(f, out var sp);
        using (sp)
        {
            return await resolver.ResolveAsync("did:web:issuer.example#k", CancellationToken.None);
        }
    }

    [Fact]
    public async Task ResolveAsync_JwkSetByFragment_PicksTheKid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var a = TestKey.Rsa();
        using var b = TestKey.P256();
        var jwkA = a.Jwk();
        jwkA["kid"] = "a";
        var jwkB = b.Jwk();
        jwkB["kid"] = "b";
        f.Server.MapJson("/jwks.json", new JsonObject { ["keys"] = new JsonArray(jwkA, jwkB) }.ToJsonString());
        var resolver = Resolver(f, out var sp);
        using (sp)
        {
            var result = await resolver.ResolveAsync("https://issuer.example/jwks.json#b", CancellationToken.None);

            Assert.Equal(KeyKind.EcP256, result.Key!.Kind);
        }
    }

    [Fact]
    public async Task ResolveAsync_VerificationMethodDocument_ReportsController()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        f.Server.MapJson("/keys/vm", new JsonObject
        {
            ["id"] = "https://issuer.example/keys/vm",
            ["type"] = "Ed25519VerificationKey2020",
            ["controller"] = "https://issuer.example/issuers/1",
            ["publicKeyMultibase"] = key.Multibase(),
        }.ToJsonString());
        var resolver = Resolver(f, out var sp);
        using (sp)
        {
            var result = await resolver.ResolveAsync("https://issuer.example/keys/vm", CancellationToken.None);

            Assert.Equal(KeyKind.Ed25519, result.Key!.Kind);
            Assert.Equal("https://issuer.example/issuers/1", result.Key.Controller);
        }
    }

    [Fact]
    public async Task ResolveAsync_MissingKey_IsNotFoundAndUnreachableIsUnavailable()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        f.Server.MapStatus("/keys/down", 502);
        var resolver = Resolver(f, out var sp);
        using (sp)
        {
            Assert.Equal(KeyResolutionStatus.NotFound, (await resolver.ResolveAsync("https://issuer.example/keys/none", CancellationToken.None)).Status);
            Assert.Equal(KeyResolutionStatus.Unavailable, (await resolver.ResolveAsync("https://issuer.example/keys/down", CancellationToken.None)).Status);
        }
    }

    private static IKeyResolver Resolver(Ob3Fixtures? f, out ServiceProvider sp)
    {
        sp = f is null ? TestSupport.EngineFactory.Build() : f.Build();
        return sp.GetRequiredService<IKeyResolver>();
    }
}
