namespace Verifier.Core.Tests.Registries;

/// <summary>
/// The DCC's registry vectors in ../shared/vectors/issuer-registry (conformance category): both formats are read,
/// and the OpenID Federation documents verify — each as of its own iat, since the entity configuration was issued
/// after the statements expired — with the signatures the DCC's client never checks.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class RegistryVectorTests
{
    private const string AnchorId = "https://test.registry.dcconsortium.org";
    private const string PublicTestIssuer = "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q";
    private const string TwoNames = "did:key:z6MkpLDL3RoAoMRTwTgo3rs39ZwssfaPKtGdZw7AGRN7CK4W";

    private static string Vector(string name) => File.ReadAllText(SharedFolder.Require("vectors/issuer-registry/" + name));

    [SkippableFact]
    public void Parse_LegacyVectors_ListTheirDids()
    {
        var sandbox = RegistryDocument.Parse(File.ReadAllBytes(SharedFolder.Require("vectors/issuer-registry/legacy-dcc-sandbox-registry.json")), "sandbox", out var e1);
        var community = RegistryDocument.Parse(File.ReadAllBytes(SharedFolder.Require("vectors/issuer-registry/legacy-dcc-community-registry.json")), "community", out var e2);

        Assert.Null(e1);
        Assert.Null(e2);
        Assert.Equal(24, sandbox!.Count);
        Assert.Equal(23, community!.Count);
        var listing = sandbox.Find(RegistryIdentity.Normalize(PublicTestIssuer)!.Value)!;
        Assert.Equal(("sandbox", "Public Test Issuer", "https://dcconsortium.org"), (listing.Registry, listing.Name, listing.Url));
        Assert.Equal("(Example) My University", sandbox.Find(RegistryIdentity.Normalize(TwoNames)!.Value)!.Name);
        Assert.Equal("My University", community.Find(RegistryIdentity.Normalize(TwoNames + "#key-1")!.Value)!.Name);
        Assert.Null(community.Find(RegistryIdentity.Normalize(PublicTestIssuer)!.Value));
    }

    [SkippableFact]
    public async Task VerifyAsync_EntityConfigurationAsOfItsIat_VerifiesWithItsOwnKey()
    {
        var (anchor, error) = await TrustAnchor.VerifyAsync(Vector("oidf-trust-anchor-entity-configuration.jwt").Trim(), AnchorId, null);

        Assert.Null(error);
        Assert.Equal("https://test.registry.dcconsortium.org/fetch", anchor!.FetchEndpoint.AbsoluteUri);
        Assert.Null(anchor.Statement.CheckLifetime(anchor.Statement.Iat!.Value, TimeSpan.Zero));
        Assert.Contains("expired", anchor.Statement.CheckLifetime(anchor.Statement.Exp!.Value.AddMinutes(1), TimeSpan.Zero));
        Assert.Equal("https://test.registry.dcconsortium.org/fetch?sub=did%3Aweb%3Aoneuni.testuni.edu", anchor.FetchUrl("did:web:oneuni.testuni.edu").AbsoluteUri);
    }

    [SkippableTheory]
    [InlineData("oidf-fetch-sub-did-web-oneuni.testuni.edu.jwt", "did:web:oneuni.testuni.edu", "OneUni University", "Board and Trustees of OneUni University")]
    [InlineData("oidf-fetch-sub-did-web-twotr.testschool.edu.jwt", "did:web:twotr.testschool.edu", "TwoTraining Nursing School", null)]
    public async Task VerifyAsync_SubordinateStatementAsOfItsIat_ListsTheDid(string file, string did, string name, string? legalName)
    {
        var anchor = (await TrustAnchor.VerifyAsync(Vector("oidf-trust-anchor-entity-configuration.jwt").Trim(), AnchorId, null)).Anchor!;

        var verified = await OidfRegistry.VerifyAsync(Vector(file).Trim(), did, anchor, "DCC Member Registry");

        Assert.Null(verified.Error);
        Assert.Null(verified.Statement!.CheckLifetime(verified.Statement.Iat!.Value, TimeSpan.Zero));
        Assert.Equal(("DCC Member Registry", name, legalName), (verified.Listing!.Registry, verified.Listing.Name, verified.Listing.LegalName));
        Assert.StartsWith("data:image/png;base64,", verified.Listing.Logo, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task VerifyAsync_StatementAskedForAnotherDid_IsRefused()
    {
        var anchor = (await TrustAnchor.VerifyAsync(Vector("oidf-trust-anchor-entity-configuration.jwt").Trim(), AnchorId, null)).Anchor!;

        var verified = await OidfRegistry.VerifyAsync(Vector("oidf-fetch-sub-did-web-oneuni.testuni.edu.jwt").Trim(), "did:web:twotr.testschool.edu", anchor, "r");

        Assert.Contains("sub", verified.Error);
        Assert.Null(verified.Listing);
    }

    [SkippableFact]
    public async Task VerifyAsync_EntityConfigurationWithItsKeyPinned_Verifies_AndWithAnotherPinnedKey_IsRefused()
    {
        var jwt = Vector("oidf-trust-anchor-entity-configuration.jwt").Trim();
        var published = new PinnedJwk { Kty = "EC", Crv = "P-256", Kid = "issuerregistry-key1", X = "Rz1NHMJ_tAZQXsJOYqnYruGYimG6WNOp0N234E7wqOs", Y = "J5iCLb2T_ysCHpjFzcR3iW-tuDuXEHnJPvfVMQZOfzY" };
        using var other = OpenBadges3.TestKey.P256();
        var otherJwk = other.Jwk();
        var stranger = new PinnedJwk { Kty = "EC", Crv = "P-256", Kid = "issuerregistry-key1", X = otherJwk["x"]!.GetValue<string>(), Y = otherJwk["y"]!.GetValue<string>() };

        var pinned = await TrustAnchor.VerifyAsync(jwt, AnchorId, TrustAnchor.ReadPinned(new PinnedJwks { Keys = [published] }, out _));
        var wrong = await TrustAnchor.VerifyAsync(jwt, AnchorId, TrustAnchor.ReadPinned(new PinnedJwks { Keys = [stranger] }, out _));

        Assert.Null(pinned.Error);
        Assert.Contains("pinned", wrong.Error);
    }

    /// <summary>The facts of the DCC client's expected lookups that do not depend on OIDF times: which legacy registries list a DID, under which name.</summary>
    [SkippableTheory]
    [InlineData("expected-lookup-did-key-z6MkpLDL.json", TwoNames)]
    [InlineData("expected-lookup-did-web-oneuni.testuni.edu.json", "did:web:oneuni.testuni.edu")]
    public async Task LookUpAsync_LegacyVectorsServed_AgreeWithTheDccClient(string expectedFile, string did)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapBytes("/sandbox-registry/registry.json", File.ReadAllBytes(SharedFolder.Require("vectors/issuer-registry/legacy-dcc-sandbox-registry.json")), "application/json");
        server.MapBytes("/community-registry/registry.json", File.ReadAllBytes(SharedFolder.Require("vectors/issuer-registry/legacy-dcc-community-registry.json")), "application/json");
        using var sp = EngineFactory.Build(server, ["digitalcredentials.github.io"], configure: o => o.Registries =
        [
            new() { Name = "DCC Sandbox Registry", Type = "dcc-legacy", Url = "https://digitalcredentials.github.io/sandbox-registry/registry.json" },
            new() { Name = "DCC Community Registry", Type = "dcc-legacy", Url = "https://digitalcredentials.github.io/community-registry/registry.json" },
        ]);
        using var expected = JsonDocument.Parse(Vector(expectedFile));
        var expectedLegacy = expected.RootElement.GetProperty("matchingIssuers").EnumerateArray()
            .Where(m => m.GetProperty("registry").TryGetProperty("type", out var t) && t.GetString() == "dcc-legacy")
            .Select(m => (m.GetProperty("registry").GetProperty("federation_entity").GetProperty("organization_name").GetString(),
                m.GetProperty("issuer").GetProperty("federation_entity").GetProperty("organization_name").GetString()))
            .ToList();

        var lookup = await sp.GetRequiredService<IssuerRegistries>().LookUpAsync(RegistryIdentity.Normalize(did)!.Value, default);

        Assert.Equal(expectedLegacy, lookup.KnownIn.Select(k => ((string?)k.Registry, k.Name)).ToList());
        Assert.Empty(lookup.Unchecked);
    }
}
