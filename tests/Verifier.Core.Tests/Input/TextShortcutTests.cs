namespace Verifier.Core.Tests.Input;

/// <summary>
/// Text input that sniffs as a JWS or JSON skips the UTF-8 round trip, and the resolver hands the payload it parsed to
/// the OB 3.0 verifier. Both shortcuts must give exactly the report the byte path gives.
/// </summary>
public class TextShortcutTests
{
    [Theory]
    [InlineData("", "", VerificationOutcome.Valid)]
    [InlineData("\uFEFF", "", VerificationOutcome.Valid)]
    [InlineData("  \r\n\t", "\n ", VerificationOutcome.Valid)]
    [InlineData("\uFEFF \t", "\r\n", VerificationOutcome.Valid)] // white space after a byte order mark is not part of the token
    public async Task VerifyAsync_JwtAsTextOrBytes_SameReport(string before, string after, VerificationOutcome expected)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var text = before + Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid) + after;
        using var sp = f.Build();

        var (fromText, fromBytes) = await BothWaysAsync(sp, text);

        ReportAssert.Outcome(fromText, expected);
        Assert.Equal("text", fromText.Input.Kind);
        Assert.Equal(Describe(fromBytes), Describe(fromText));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF \r\n")]
    public async Task VerifyAsync_JwtServedAtUrlWithByteOrderMark_IsValid(string before)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        f.Server.MapBytes("/badge.jwt", Encoding.UTF8.GetBytes(before + Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid: kid) + "\n"), "application/jwt");
        using var sp = f.Build();

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromUrl(new Uri($"https://{Ob3Fixtures.Host}/badge.jwt")),
        });

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
    }

    [Theory]
    [InlineData("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\",\"OpenBadgeCredential\"]}")]
    [InlineData("\uFEFF {\"@context\":\"https://www.w3.org/ns/credentials/v2\",\"name\":\"\uD800\"}")]
    [InlineData("{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\"}")]
    [InlineData("{\"type\":\"VerifiableCredential\",\"type\":\"VerifiableCredential\"}")]
    [InlineData("{\"vc\": [1, 2")]
    public async Task VerifyAsync_JsonAsTextOrBytes_SameReport(string text)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var sp = f.Build();

        var (fromText, fromBytes) = await BothWaysAsync(sp, text);

        Assert.NotEqual(VerificationOutcome.Valid, fromText.Outcome);
        Assert.Equal(Describe(fromBytes), Describe(fromText));
    }

    [Theory]
    [InlineData("{\"vc\":{\"type\":\"VerifiableCredential\"}}", BadgeFamily.OpenBadges3, true)]
    [InlineData("{\"@context\":\"https://www.w3.org/ns/credentials/v2\"}", BadgeFamily.OpenBadges3, true)]
    [InlineData("{\"type\":[\"VerifiableCredential\"]}", BadgeFamily.OpenBadges3, true)]
    [InlineData("{\"@context\":\"https://w3id.org/openbadges/v2\"}", BadgeFamily.OpenBadges2, false)]
    [InlineData("{\"vc\":{},\"vc\":{}}", BadgeFamily.OpenBadges3, false)]
    [InlineData("[1]", BadgeFamily.Unknown, false)]
    [InlineData("{\"vc\":", BadgeFamily.Unknown, false)]
    public void FamilyOfJws_WithDocument_AgreesWithPlainClassification(string payload, BadgeFamily expected, bool parsed)
    {
        var jws = "eyJhbGciOiJSUzI1NiJ9." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload)) + ".c2ln";

        var family = PayloadClassifier.FamilyOfJws(jws, out var document);
        using var owned = document;

        Assert.Equal(expected, family);
        Assert.Equal(PayloadClassifier.FamilyOfJws(jws), family);
        Assert.Equal(parsed, document is not null);
    }

    [Theory]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9..c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e319===.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.ey*9.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e30.c2ln.x")]
    public void FamilyOfJws_MalformedPayloadSegment_AgreesWithPlainClassification(string jws)
    {
        var family = PayloadClassifier.FamilyOfJws(jws, out var document);
        using var owned = document;

        Assert.Equal(PayloadClassifier.FamilyOfJws(jws), family);
    }

    [Fact]
    public void FamilyOfJws_InvalidUtf8Payload_IsUnknownWithoutDocument()
    {
        var jws = "eyJhbGciOiJSUzI1NiJ9." + Base64UrlEncoder.Encode([(byte)'{', (byte)'"', (byte)'v', (byte)'c', (byte)'"', (byte)':', (byte)'"', 0xC3, (byte)'"', (byte)'}']) + ".c2ln";

        var family = PayloadClassifier.FamilyOfJws(jws, out var document);

        Assert.Null(document);
        Assert.Equal(PayloadClassifier.FamilyOfJws(jws), family);
    }

    [Fact]
    public async Task VerifyAsync_SignedPayloadWithDuplicateNames_IsStillRefused()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var credential = Ob3Fixtures.Credential().ToJsonString();
        var header = Jwt.Encode(new JsonObject { ["alg"] = key.Alg, ["typ"] = "JWT", ["kid"] = kid });
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"vc\":" + credential + ",\"vc\":" + credential + "}"));
        var input = header + "." + payload;
        var jwt = input + "." + Base64UrlEncoder.Encode(key.Sign(Encoding.ASCII.GetBytes(input)));

        var report = await f.VerifyAsync(jwt);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed);
    }

    private static async Task<(VerificationReport Text, VerificationReport Bytes)> BothWaysAsync(ServiceProvider sp, string text)
    {
        var engine = sp.GetRequiredService<BadgeVerifier>();
        var fromText = await engine.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(text) });
        var fromBytes = await engine.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(Encoding.UTF8.GetBytes(text)) });
        return (fromText, fromBytes);
    }

    /// <summary>Everything a report says except the input kind (text or bytes).</summary>
    private static string Describe(VerificationReport report) =>
        JsonSerializer.Serialize(new
        {
            report.Outcome,
            report.Input.Format,
            report.Input.PayloadKind,
            report.Verification,
            report.Badge,
            Checks = report.Checks.Select(c => $"{c.Id} {c.Outcome} {c.Indeterminate} {c.Subject}: {c.Message}"),
        });
}
