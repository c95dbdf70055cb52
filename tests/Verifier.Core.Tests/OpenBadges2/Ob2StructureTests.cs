using Verifier.Core.OpenBadges2.Checks;

namespace Verifier.Core.Tests.OpenBadges2;

public class Ob2StructureTests
{
    private static bool HasError(IReadOnlyList<StructureIssue> issues, string pointer) => issues.Any(i => i.IsError && i.Pointer == pointer);

    [Fact]
    public void Assertion_Valid_HasNoErrors() =>
        Assert.DoesNotContain(StructureValidator.Assertion(Ob2TestIssuer.Assertion(), legacy: false), i => i.IsError);

    [Theory]
    [InlineData("id")]
    [InlineData("recipient")]
    [InlineData("badge")]
    [InlineData("verification")]
    [InlineData("issuedOn")]
    public void Assertion_MissingRequired_IsError(string name)
    {
        var a = Ob2TestIssuer.Assertion();
        a.Remove(name);
        Assert.True(HasError(StructureValidator.Assertion(a, legacy: false), "/" + name));
    }

    [Theory]
    [InlineData("issuedOn", "2016-12-31T23:59:59")]
    [InlineData("issuedOn", "1482969599")]
    [InlineData("id", "/relative/1.json")]
    [InlineData("image", "data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("expires", "tomorrow")]
    public void Assertion_WrongDatatype_IsError(string name, string value)
    {
        var a = Ob2TestIssuer.Assertion();
        a[name] = value;
        Assert.True(HasError(StructureValidator.Assertion(a, legacy: false), "/" + name));
    }

    [Fact]
    public void Assertion_HashedIdentityNotAHash_IsError()
    {
        var a = Ob2TestIssuer.Assertion();
        a["recipient"]!["identity"] = "learner@example.org";
        Assert.True(HasError(StructureValidator.Assertion(a, legacy: false), "/recipient/identity"));
    }

    [Fact]
    public void Assertion_RevokedStub_NeedsOnlyIdAndRevoked() =>
        Assert.Empty(StructureValidator.Assertion(JsonNode.Parse("""{"id":"https://i.example/a","revoked":true}""")!.AsObject(), legacy: false));

    [Theory]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", false)]
    [InlineData("data:image/svg+xml;base64,PHN2Zz4=", false)]
    [InlineData("data:image/jpeg;base64,/9j/4AAQ", true)]
    [InlineData("https://i.example/b.png", false)]
    public void BadgeClass_ImageDataUri_PngOrSvgOnly(string image, bool error)
    {
        var b = BadgeClass();
        b["image"] = image;
        Assert.Equal(error, HasError(StructureValidator.BadgeClass(b, legacy: false), "/image"));
    }

    [Fact]
    public void BadgeClass_AlignmentNeedsTargetNameAndUrl()
    {
        var b = BadgeClass();
        b["alignment"] = new JsonArray(new JsonObject { ["targetName"] = "Std", ["targetUrl"] = "https://std.example/1" }, new JsonObject { ["targetName"] = "Std2" });
        var issues = StructureValidator.BadgeClass(b, legacy: false);
        Assert.True(HasError(issues, "/alignment/1/targetUrl"));
        Assert.False(HasError(issues, "/alignment/0/targetUrl"));
    }

    [Fact]
    public void Issuer_Requires_NameUrlEmail_In20Only()
    {
        var i = JsonNode.Parse("""{"id":"https://i.example/i","type":"Issuer","name":"I","url":"https://i.example"}""")!.AsObject();
        Assert.True(HasError(StructureValidator.Issuer(i, legacy: false), "/email"));
        Assert.False(HasError(StructureValidator.Issuer(i, legacy: true), "/email"));
    }

    [Fact]
    public void CryptographicKey_RequiresOwnerAndPem()
    {
        var issues = StructureValidator.CryptographicKey(JsonNode.Parse("""{"id":"https://i.example/k"}""")!.AsObject());
        Assert.True(HasError(issues, "/owner"));
        Assert.True(HasError(issues, "/publicKeyPem"));
    }

    [Fact]
    public void RevocationList_EntryWithoutIdOrUid_IsError()
    {
        var list = JsonNode.Parse("""{"type":"RevocationList","revokedAssertions":["urn:uuid:1",{"revocationReason":"x"}]}""")!.AsObject();
        Assert.True(HasError(StructureValidator.RevocationList(list), "/revokedAssertions/1"));
    }

    private static JsonObject BadgeClass() => JsonNode.Parse("""
        {"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"https://i.example/b","name":"B","description":"D",
         "image":"https://i.example/b.png","criteria":"https://i.example/c","issuer":"https://i.example/i"}
        """)!.AsObject();
}
