namespace Verifier.Core.Tests.Registries;

/// <summary>Subordinate statements the tests sign themselves: signature, iss, sub and lifetime decide; the rest is display.</summary>
public sealed class SubordinateStatementTests
{
    private const string Did = "did:web:listed.example";

    [Fact]
    public async Task VerifyAsync_StatementByTheAnchor_ListsNameLegalNameAndDataLogo()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        var trusted = await VerifiedAnchorAsync(anchor);

        var verified = await OidfRegistry.VerifyAsync(anchor.Statement(Did, "Listed College"), Did, trusted, "Test Registry");

        Assert.Null(verified.Error);
        Assert.Null(verified.Statement!.CheckLifetime(RegistryFixtures.Now, TimeSpan.Zero));
        Assert.Equal("Test Registry", verified.Listing!.Registry);
        Assert.Equal("Listed College", verified.Listing.Name);
        Assert.Equal("https://listed-college.example", verified.Listing.Url);
        Assert.Equal("The Board of Listed College", verified.Listing.LegalName);
        Assert.Equal("data:image/png;base64,iVBORw0KGgo=", verified.Listing.Logo);
    }

    [Fact]
    public async Task VerifyAsync_SignedByAnotherKeyUnderTheAnchorsKid_IsRefused()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        using var forger = TestKey.P256();
        var trusted = await VerifiedAnchorAsync(anchor);

        var verified = await OidfRegistry.VerifyAsync(anchor.Statement(Did, "Forged", signer: forger), Did, trusted, "r");

        Assert.Contains("signature does not verify", verified.Error);
        Assert.Null(verified.Listing);
    }

    [Fact]
    public async Task VerifyAsync_IssuedByAnotherEntity_IsRefused()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        var trusted = await VerifiedAnchorAsync(anchor);

        var verified = await OidfRegistry.VerifyAsync(anchor.Statement(Did, "X", p => p["iss"] = "https://other-anchor.example"), Did, trusted, "r");

        Assert.Contains("iss", verified.Error);
    }

    [Fact]
    public async Task VerifyAsync_AboutAnotherDid_IsRefused()
    {
        // A genuine statement about someone else, replayed for the DID the forger wants to look registered.
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        var trusted = await VerifiedAnchorAsync(anchor);

        var verified = await OidfRegistry.VerifyAsync(anchor.Statement("did:web:someone-else.example", "Someone Else"), Did, trusted, "r");

        Assert.Contains("sub", verified.Error);
    }

    [Fact]
    public async Task VerifyAsync_UnknownKidOrAlgorithmThatDoesNotFitTheKey_IsRefused()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        var trusted = await VerifiedAnchorAsync(anchor);

        var unknownKid = await OidfRegistry.VerifyAsync(anchor.Statement(Did, "X", header: h => h["kid"] = "other"), Did, trusted, "r");
        var wrongAlg = await OidfRegistry.VerifyAsync(anchor.Statement(Did, "X", header: h => h["alg"] = "RS256"), Did, trusted, "r");

        Assert.Contains("not one of the signer's keys", unknownKid.Error);
        Assert.Contains("does not fit", wrongAlg.Error);
    }

    [Fact]
    public async Task CheckLifetime_ExpiredStatement_SaysWhy()
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        var trusted = await VerifiedAnchorAsync(anchor);

        var verified = await OidfRegistry.VerifyAsync(anchor.Statement(Did, "X", p => p["exp"] = RegistryFixtures.Now.AddHours(-1).ToUnixTimeSeconds()), Did, trusted, "r");
        var noExp = await OidfRegistry.VerifyAsync(anchor.Statement(Did, "X", p => p.Remove("exp")), Did, trusted, "r");

        Assert.Null(verified.Error);
        Assert.Contains("expired", verified.Statement!.CheckLifetime(RegistryFixtures.Now, TimeSpan.FromMinutes(5)));
        Assert.Contains("lacks iat or exp", noExp.Statement!.CheckLifetime(RegistryFixtures.Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("https://tracker.example/logo.png")]
    [InlineData("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=")]
    [InlineData("data:image/png;base64,not base64!")]
    [InlineData("javascript:alert(1)")]
    public async Task VerifyAsync_LogoThatIsNotASmallDataImage_IsDropped(string logo)
    {
        using var anchor = new TestAnchor(RegistryFixtures.Now);
        var trusted = await VerifiedAnchorAsync(anchor);

        var verified = await OidfRegistry.VerifyAsync(anchor.Statement(Did, "X", p => p["metadata"]!["federation_entity"]!["logo_uri"] = logo), Did, trusted, "r");

        Assert.NotNull(verified.Listing);
        Assert.Null(verified.Listing!.Logo);
    }

    private static async Task<TrustAnchor> VerifiedAnchorAsync(TestAnchor anchor) =>
        (await TrustAnchor.VerifyAsync(anchor.Configuration(), anchor.EntityId, null)).Anchor!;
}
