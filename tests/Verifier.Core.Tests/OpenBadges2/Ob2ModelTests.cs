using Verifier.Core.OpenBadges2.Model;

namespace Verifier.Core.Tests.OpenBadges2;

public class Ob2ModelTests
{
    [Theory]
    [InlineData("2016-12-31T23:59:59Z", "2016-12-31T23:59:59+00:00")]
    [InlineData("2016-12-31T23:59:59+00:00", "2016-12-31T23:59:59+00:00")]
    [InlineData("2016-12-31T18:59:59-05:00", "2016-12-31T23:59:59+00:00")]
    [InlineData("2016-12-31T18:59:59-0500", "2016-12-31T23:59:59+00:00")]
    [InlineData("2016-12-31T23:59:59.123456Z", "2016-12-31T23:59:59+00:00")]
    [InlineData("2016-12-31T23:59Z", "2016-12-31T23:59:00+00:00")]
    public void Parse_DateTimeWithZone_IsRead(string value, string utc) =>
        Assert.Equal(utc, Ob2DateTime.Format(Ob2DateTime.Parse(value)!.Value));

    [Theory]
    [InlineData("2016-12-31T23:59:59")]
    [InlineData("2016-12-31")]
    [InlineData("1482969599")]
    [InlineData("31/12/2016 23:59:59Z")]
    [InlineData("")]
    public void Parse_WithoutTimeOrZone_IsRejected(string value) => Assert.Null(Ob2DateTime.Parse(value));

    [Theory]
    [InlineData("1500423730", "2017-07-19T00:22:10+00:00")]
    [InlineData("2015-04-30", "2015-04-30T00:00:00+00:00")]
    [InlineData("2015-04-30T10:00:00", "2015-04-30T10:00:00+00:00")]
    public void ParseLegacy_OldForms_AreReadAsUtc(string value, string utc) =>
        Assert.Equal(utc, Ob2DateTime.Format(Ob2DateTime.ParseLegacy(value)!.Value));

    [Theory]
    [InlineData("""{"@context":"https://w3id.org/openbadges/v2","type":"Assertion"}""", "2.0")]
    [InlineData("""{"@context":["https://w3id.org/openbadges/v2",{"x":"http://e.org/x"}]}""", "2.0")]
    [InlineData("""{"@context":"https://w3id.org/openbadges/v1","type":"Assertion"}""", "1.1")]
    [InlineData("""{"uid":"1","verify":{"type":"hosted","url":"http://a.com/i"}}""", "1.0")]
    [InlineData("""{"recipient":"a@b.org","badge":{"issuer":{"origin":"http://a.com"}}}""", "0.5")]
    [InlineData("""{"type":"Assertion","verification":{"type":"hosted"}}""", "2.0")]
    [InlineData("""{"name":"not a badge"}""", null)]
    public void Detect_VersionMarkers_AreRecognised(string json, string? version) =>
        Assert.Equal(version, Ob2Version.Detect(JsonNode.Parse(json)!.AsObject()));

    [Fact]
    public void UpgradeAssertion_V05_BuildsIdentityObjectProfileAndDates()
    {
        var a = JsonNode.Parse("""
            {"recipient":"sha256$abc","salt":"s","issued_on":"2011-06-01",
             "badge":{"version":"0.5.0","name":"B","image":"/i.png","criteria":"/c","issuer":{"origin":"http://old.example","name":"I","contact":"x@old.example"}}}
            """)!.AsObject();

        LegacyUpgrader.UpgradeAssertion(a, Ob2Version.V05, new Uri("http://old.example/a.json"));

        Assert.Equal("email", a["recipient"]!["type"]!.GetValue<string>());
        Assert.True(a["recipient"]!["hashed"]!.GetValue<bool>());
        Assert.Equal("s", a["recipient"]!["salt"]!.GetValue<string>());
        Assert.Equal("2011-06-01T00:00:00+00:00", a["issuedOn"]!.GetValue<string>());
        Assert.Equal("http://old.example/a.json", a["id"]!.GetValue<string>());
        Assert.Equal("hosted", a["verification"]!["type"]!.GetValue<string>());
        Assert.Equal("http://old.example/i.png", a["badge"]!["image"]!.GetValue<string>());
        Assert.Equal("http://old.example", a["badge"]!["issuer"]!["url"]!.GetValue<string>());
        Assert.Equal("x@old.example", a["badge"]!["issuer"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public void UpgradeAssertion_V10_TakesIdFromVerifyUrl()
    {
        var a = JsonNode.Parse("""{"uid":"1","recipient":{"identity":"a@b.org","hashed":false,"type":"email"},"issuedOn":1500423730,"verify":{"type":"hosted","url":"http://a.com/instance"}}""")!.AsObject();

        var notes = LegacyUpgrader.UpgradeAssertion(a, Ob2Version.V10, null);

        Assert.Equal("http://a.com/instance", a["id"]!.GetValue<string>());
        Assert.NotNull(a["verification"]);
        Assert.Null(a["verify"]);
        Assert.Equal("2017-07-19T00:22:10+00:00", a["issuedOn"]!.GetValue<string>());
        Assert.NotEmpty(notes);
    }

    [Fact]
    public void UpgradeAssertion_V20_ChangesNothing()
    {
        var a = JsonNode.Parse("""{"@context":"https://w3id.org/openbadges/v2","issuedOn":"2015-04-30"}""")!.AsObject();

        Assert.Empty(LegacyUpgrader.UpgradeAssertion(a, Ob2Version.V20, null));
        Assert.Equal("2015-04-30", a["issuedOn"]!.GetValue<string>());
    }
}
