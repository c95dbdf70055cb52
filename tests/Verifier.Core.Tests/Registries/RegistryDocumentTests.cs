namespace Verifier.Core.Tests.Registries;

/// <summary>The dcc-legacy format: what is a registry document, and how identities are matched.</summary>
public sealed class RegistryDocumentTests
{
    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "no \"registry\" object")]
    [InlineData("{\"registry\":[]}", "no \"registry\" object")]
    [InlineData("{\"registry\":{\"did:key:z1\":{\"name\":\"A\"},\"did:key:z1\":{\"name\":\"B\"}}}", "not valid JSON")]
    [InlineData("{\"registry\":{\"did:key:z1\":\"A\"}}", "not a JSON object")]
    [InlineData("{\"registry\":{\"urn:uuid:1\":{\"name\":\"A\"}}}", "neither a DID")]
    [InlineData("{\"registry\":{\"did:key:z1\":{\"name\":\"A\"},\"did:key:z1#k\":{\"name\":\"B\"}}}", "listed twice")]
    public void Parse_NotARegistry_IsRefusedSayingWhy(string json, string reason)
    {
        var document = RegistryDocument.Parse(Encoding.UTF8.GetBytes(json), "r", out var error);

        Assert.Null(document);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HomepageThatIsNotHttp_IsDropped()
    {
        var document = RegistryDocument.Parse(Encoding.UTF8.GetBytes("{\"registry\":{\"did:key:z1\":{\"name\":\"A\",\"url\":\"javascript:alert(1)\",\"legalName\":\"A Inc\"}}}"), "r", out _)!;

        var listing = document.Find(RegistryIdentity.Normalize("did:key:z1")!.Value)!;

        Assert.Null(listing.Url);
        Assert.Equal("A Inc", listing.LegalName);
    }

    [Theory]
    [InlineData("https://issuer.example/profile", true)]
    [InlineData("http://issuer.example/profile", true)]
    [InlineData("https://ISSUER.example:443/profile#x", true)]
    [InlineData("https://issuer.example/profile?v=2", false)]
    [InlineData("https://issuer.example/Profile", false)]
    [InlineData("https://issuer.example:8443/profile", false)]
    [InlineData("https://issuer.example.evil.example/profile", false)]
    public void Find_WebIdentity_MatchesTheSameDocumentOnly(string identity, bool listed)
    {
        var document = RegistryDocument.Parse(Encoding.UTF8.GetBytes("{\"registry\":{\"https://issuer.example/profile\":{\"name\":\"A\"}}}"), "r", out _)!;

        Assert.Equal(listed, document.Find(RegistryIdentity.Normalize(identity)!.Value) is not null);
    }

    [Theory]
    [InlineData("did:key:z6MkA#z6MkA", "did:key:z6MkA")]
    [InlineData("urn:uuid:0d0c", null)]
    [InlineData("did:", null)]
    [InlineData("ftp://issuer.example/", null)]
    public void Normalize_Identity_IsTheDidWithoutFragmentOrAnHttpUrl(string identity, string? expected) =>
        Assert.Equal(expected, RegistryIdentity.Normalize(identity)?.Value);
}
