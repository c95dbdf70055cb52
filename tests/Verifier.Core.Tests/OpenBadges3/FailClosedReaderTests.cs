namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>
/// Rule 5's second half: a member the checks rely on that is present in a shape they cannot read is a failure, never
/// "absent". Over VC-JWT the issuer signed the JSON itself, so this is robustness rather than an attack, and it needs
/// no JSON-LD (the same readers serve Data Integrity credentials, see Proofs/PlainForm).
/// </summary>
public class FailClosedReaderTests
{
    [Theory]
    [InlineData("array")]
    [InlineData("valueObject")]
    [InlineData("number")]
    public async Task VerifyAsync_ValidUntilNotAString_InvalidNotUnexpiring(string shape)
    {
        var credential = Ob3Fixtures.Credential();
        credential["validUntil"] = Shape(shape, "2026-02-01T00:00:00Z");

        var report = await VerifyJwtAsync(credential);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("cannot be told", ReportAssert.Has(report, Ob3CheckIds.ValidUntil, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Contains("validUntil is not a dateTime", ReportAssert.Has(report, Ob3CheckIds.Structure, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Null(report.Badge!.Expires);
    }

    [Fact]
    public async Task VerifyAsync_ValidFromNotAString_InvalidNotYetKnown()
    {
        var credential = Ob3Fixtures.Credential();
        credential["validFrom"] = Shape("array", "2026-01-01T00:00:00Z");

        var report = await VerifyJwtAsync(credential, nbf: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.ValidFrom, CheckOutcome.Failed);
        Assert.Contains("validFrom is not a dateTime", ReportAssert.Has(report, Ob3CheckIds.Structure, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01/02/2030")]
    [InlineData("2030-01-02T00:00:00")]
    [InlineData("2030-01-02")]
    public async Task VerifyAsync_ValidUntilNotADateTimeStamp_InvalidNotUnexpiring(string text)
    {
        // A string outside XML Schema dateTimeStamp (no zone, a culture's layout, no time) is unreadable, not a guess.
        var credential = Ob3Fixtures.Credential();
        credential["validUntil"] = text;

        var report = await VerifyJwtAsync(credential);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("cannot be told", ReportAssert.Has(report, Ob3CheckIds.ValidUntil, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Null(report.Badge!.Expires);
    }

    [Theory]
    [InlineData("credentialStatus")]
    [InlineData("credentialSchema")]
    [InlineData("refreshService")]
    public async Task VerifyAsync_EntryNotAnObject_StructureFails(string member)
    {
        // A bare IRI would be JSON-LD for a reference to an entry described elsewhere (e.g. in @included).
        var credential = Ob3Fixtures.Credential();
        credential[member] = "https://issuer.example/" + member + "/1";

        var report = await VerifyJwtAsync(credential);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains($"every {member} entry must be an object", ReportAssert.Has(report, Ob3CheckIds.Structure, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_CredentialStatusNestedArray_StructureFails()
    {
        var credential = Ob3Fixtures.Credential();
        credential["credentialStatus"] = new JsonArray(new JsonArray(new JsonObject { ["id"] = "https://issuer.example/status#1", ["type"] = "BitstringStatusListEntry" }));

        var report = await VerifyJwtAsync(credential);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.Structure, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData("array")]
    [InlineData("valueObject")]
    public async Task VerifyAsync_CredentialIdNotAString_StructureFails(string shape)
    {
        var credential = Ob3Fixtures.Credential();
        credential["id"] = Shape(shape, Ob3Fixtures.CredentialId);

        var report = await VerifyJwtAsync(credential, jti: false);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("id must be an absolute URI", ReportAssert.Has(report, Ob3CheckIds.Structure, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_IssuerIdNotAString_StructureFails()
    {
        var credential = Ob3Fixtures.Credential();
        credential["issuer"]!["id"] = Shape("array", Ob3Fixtures.IssuerId);

        var report = await VerifyJwtAsync(credential);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("issuer.id is required", ReportAssert.Has(report, Ob3CheckIds.Structure, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AchievementNameUnreadable_SummaryWithholdsInsteadOfFallingBack()
    {
        // ["Teamwork"] is JSON-LD for "Teamwork": the summary must not show the credential's own name in its place.
        var credential = Ob3Fixtures.Credential();
        credential["name"] = "Another name";
        credential["credentialSubject"]!["achievement"]!["name"] = new JsonArray("Teamwork");

        var report = await VerifyJwtAsync(credential);

        Assert.Null(report.Badge!.Name);
    }

    [Fact]
    public async Task VerifyAsync_JsonCredentialWithDuplicateNames_ParseFailsNoCrash()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var text = Ob3Fixtures.Credential(validUntil: "2026-02-01T00:00:00Z").ToJsonString();
        var duplicated = text.Insert(text.IndexOf("\"validUntil\"", StringComparison.Ordinal), "\"validUntil\":\"2099-01-01T00:00:00Z\",");

        var report = await f.VerifyAsync(duplicated);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("twice", ReportAssert.Has(report, Ob3CheckIds.Parse, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Equal("3.0", report.OpenBadgesVersion);
    }

    [Fact]
    public async Task VerifyAsync_StatusListWithDuplicateNames_ListFails()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        const string List = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\",\"BitstringStatusListCredential\"],\"credentialSubject\":{\"encodedList\":\"uAAAA\",\"encodedList\":\"uBBBB\"},\"proof\":{}}";
        f.Server.MapJson("/status/dup", List);
        var credential = Ob3Fixtures.Credential();
        credential["credentialStatus"] = new JsonObject
        {
            ["id"] = "https://issuer.example/status/dup#3",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "3",
            ["statusListCredential"] = "https://issuer.example/status/dup",
        };

        var report = await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("twice", ReportAssert.Has(report, Ob3CheckIds.StatusList, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    private static JsonNode Shape(string shape, string value) => shape switch
    {
        "array" => new JsonArray(value),
        "valueObject" => new JsonObject { ["@value"] = value, ["@type"] = "http://www.w3.org/2001/XMLSchema#dateTime" },
        _ => 20260201,
    };

    /// <summary>The credential as a VC-JWT (no exp or jti claims derived from the odd members, so only the JSON readers judge them).</summary>
    private static async Task<VerificationReport> VerifyJwtAsync(JsonObject credential, DateTimeOffset? nbf = null, bool jti = true)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = Ob3Fixtures.IssuerId;
        payload["sub"] = Ob3Fixtures.SubjectId;
        if (jti)
        {
            payload["jti"] = Ob3Fixtures.CredentialId;
        }

        payload["nbf"] = (nbf ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToUnixTimeSeconds();
        return await f.VerifyAsync(Jwt.Sign(key, payload, kid: kid));
    }
}
