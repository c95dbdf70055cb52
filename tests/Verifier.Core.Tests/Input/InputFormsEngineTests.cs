namespace Verifier.Core.Tests.Input;

/// <summary>
/// Every real input understood: JSON that does not parse, SD-JWT, base64-wrapped tokens and documents, and links to
/// a badge's web page (pages served here by a loopback server under https://badges.example).
/// </summary>
public sealed class InputFormsEngineTests : IDisposable
{
    private const string Host = "badges.example";
    private readonly TestKey _key = TestKey.Ed25519();

    public void Dispose() => _key.Dispose();

    /// <summary>A VC-JWT whose issuer is the signing did:key: valid with no network at all.</summary>
    private string Token() => Jwt.Sign(_key, Ob3Fixtures.Payload(Ob3Fixtures.Credential(_key.DidKey)), kid: _key.DidKeyUrl);

    [Fact]
    public async Task VerifyAsync_MalformedJson_InputFormatNamesTheErrorAndPosition()
    {
        var report = await VerifyAsync(VerificationInput.FromText("{\n  \"name\": \"Basic Issuer\",\n  \"url\": \"x\"\n  \"EXTRA\"\n}"));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("(line 4, byte 3)", ReportAssert.Has(report, InputResolver.Ids.Format, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Checks, c => c.Id == BadgeVerifier.FamilyCheckId);
    }

    [Fact]
    public async Task VerifyAsync_SdJwt_NamedAndNotSupported()
    {
        var report = await VerifyAsync(VerificationInput.FromText(Token() + "~WyJzYWx0IiwibmFtZSIsIkFkYSJd~"));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("SD-JWT", ReportAssert.Has(report, InputResolver.Ids.Format, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Equal("sd-jwt", report.Input.Format);
    }

    [Fact]
    public async Task VerifyAsync_Base64WrappedVcJwt_UnwrappedAndVerified()
    {
        var wrapped = Convert.ToBase64String(Encoding.UTF8.GetBytes(Token()));

        var report = await VerifyAsync(VerificationInput.FromBytes(Encoding.ASCII.GetBytes(wrapped + "\n")));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal("base64", report.Input.EmbeddedIn);
        Assert.Equal("jws", report.Input.PayloadKind);
    }

    [Fact]
    public async Task VerifyAsync_Base64WrappedTamperedVcJwt_Invalid()
    {
        var token = Token();
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        var report = await VerifyAsync(VerificationInput.FromText(Convert.ToBase64String(Encoding.UTF8.GetBytes(tampered))));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
    }

    [Fact]
    public async Task VerifyAsync_HtmlBody_WebPageAdvice()
    {
        var report = await VerifyAsync(VerificationInput.FromBytes(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>My badge</body></html>")));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("web page", ReportAssert.Has(report, InputResolver.Ids.Format, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_PageUrlDeclaringItsBadgeData_FollowedOnceAndVerified()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapBytes("/public/assertions/42", Page("<link rel=\"alternate\" type=\"application/vc+jwt\" href=\"42.jwt\">"), "text/html");
        server.MapBytes("/public/assertions/42.jwt", Encoding.ASCII.GetBytes(Token()), "application/vc+jwt");

        var report = await VerifyAsync(VerificationInput.FromUrl(new Uri($"https://{Host}/public/assertions/42")), server);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal($"https://{Host}/public/assertions/42.jwt", report.Input.Url);
        Assert.StartsWith("html:<link rel=\"alternate\"", report.Input.EmbeddedIn, StringComparison.Ordinal);
        Assert.Equal(1, server.Hits("/public/assertions/42.jwt"));
    }

    [Fact]
    public async Task VerifyAsync_PageWithoutBadgeData_WebPageAdvice()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapBytes("/page", Page("<link rel=\"stylesheet\" href=\"site.css\">"), "text/html");

        var report = await VerifyAsync(VerificationInput.FromUrl(new Uri($"https://{Host}/page")), server);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("web page", ReportAssert.Has(report, InputResolver.Ids.Format, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        Assert.Equal("html", report.Input.Format);
    }

    [Fact]
    public async Task VerifyAsync_PageLinkingToAnotherPage_NotFollowedTwice()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapBytes("/a", Page("<link rel=\"alternate\" type=\"application/json\" href=\"/b\">"), "text/html");
        server.MapBytes("/b", Page("<link rel=\"alternate\" type=\"application/json\" href=\"/c\">"), "text/html");
        server.MapBytes("/c", Encoding.ASCII.GetBytes(Token()), "application/vc+jwt");

        var report = await VerifyAsync(VerificationInput.FromUrl(new Uri($"https://{Host}/a")), server);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Equal(0, server.Hits("/c"));
    }

    [Fact]
    public async Task VerifyAsync_PageLinkingToAPrivateAddress_RefusedByTheFetchGuard()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapBytes("/page", Page("<link rel=\"alternate\" type=\"application/json\" href=\"http://10.0.0.7/badge.json\">"), "text/html");

        var report = await VerifyAsync(VerificationInput.FromUrl(new Uri($"https://{Host}/page")), server);

        Assert.NotEqual(VerificationOutcome.Valid, report.Outcome);
        ReportAssert.Has(report, InputResolver.Ids.Fetch, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_PageWithLinkOnlyInsideAScript_NotFollowed()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapBytes("/page", Page("<script>document.write('<link rel=\"alternate\" type=\"application/json\" href=\"/x.jwt\">')</script>"), "text/html");
        server.MapBytes("/x.jwt", Encoding.ASCII.GetBytes(Token()), "application/vc+jwt");

        var report = await VerifyAsync(VerificationInput.FromUrl(new Uri($"https://{Host}/page")), server);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Equal(0, server.Hits("/x.jwt"));
    }

    private static byte[] Page(string head) =>
        Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><head><title>A badge</title>{head}</head><body><h1>A badge</h1></body></html>");

    private static async Task<VerificationReport> VerifyAsync(VerificationInput input, LoopbackServer? server = null)
    {
        using var services = EngineFactory.Build(server, [Host]);
        return await services.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = input });
    }
}
