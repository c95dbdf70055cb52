using System.Net.Http.Headers;

namespace Verifier.Hosts.Tests.Local;

/// <summary>POST /api/verify over a real socket, for every content type the contract names.</summary>
public sealed class VerifyPostTests(LocalHostFactory host) : SocketHostTests<LocalHostFactory>(host)
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("application/ld+json")]
    [InlineData("application/vc+ld+json")]
    [InlineData("application/json; charset=utf-8")]
    public async Task Post_JsonDocument_ReturnsReport(string mediaType)
    {
        using var response = await Client.PostAsync("/api/verify", Api.Text(Fixtures.Ob2Assertion, mediaType));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("json", report.GetProperty("input").GetProperty("format").GetString());
        Assert.Equal(mediaType.Split(';')[0], report.GetProperty("input").GetProperty("declaredMediaType").GetString());
    }

    [Fact]
    public async Task Post_Ob3Credential_IsRoutedToTheOb3Family()
    {
        using var response = await Client.PostAsync("/api/verify", Api.Text(Fixtures.Ob3Credential, "application/vc+ld+json"));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("3.0", report.GetProperty("openBadgesVersion").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/jwt")]
    [InlineData("application/jose")]
    public async Task Post_CompactJws_ReturnsReport(string mediaType)
    {
        using var response = await Client.PostAsync("/api/verify", Api.Text(Fixtures.CompactJws, mediaType));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("jws", report.GetProperty("input").GetProperty("format").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/octet-stream")]
    public async Task Post_GenericOrMissingContentType_SniffsTheBody(string? mediaType)
    {
        using var response = await Client.PostAsync("/api/verify", Api.Bytes(Encoding.UTF8.GetBytes(Fixtures.Ob2Assertion), mediaType));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("json", report.GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Post_MultipartFile_VerifiesThePart()
    {
        using var form = new MultipartFormDataContent();
        form.Add(Api.Text(Fixtures.Ob2Assertion, "application/json"), "file", "badge.json");
        form.Add(new StringContent("ada@example.org"), "recipient");

        using var response = await Client.PostAsync("/api/verify", form);

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("json", report.GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Post_MultipartInputField_VerifiesTheText()
    {
        using var form = new MultipartFormDataContent { { new StringContent(Fixtures.CompactJws), "input" } };

        using var response = await Client.PostAsync("/api/verify", form);

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("jws", report.GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Post_FormUrlEncodedInput_VerifiesTheText()
    {
        using var form = new FormUrlEncodedContent([new("input", Fixtures.Ob2Assertion)]);

        using var response = await Client.PostAsync("/api/verify", form);

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("json", report.GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Post_StrictAtAndVerbose_AreAccepted()
    {
        using var response = await Client.PostAsync(
            "/api/verify?policy=strict&at=2025-01-31T12:00:00Z&verbose=true&recipient=ada%40example.org",
            Api.Text(Fixtures.Ob2Assertion, "application/json"));

        await Api.AssertReportAsync(response);
    }

    [Theory]
    [InlineData("", "authenticity")]
    [InlineData("?profile=conformance", "conformance")]
    [InlineData("?profile=authenticity", "authenticity")]
    public async Task Post_Profile_ReportNamesIt(string query, string profile)
    {
        using var response = await Client.PostAsync("/api/verify" + query, Api.Text(Fixtures.Ob2Assertion, "application/json"));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal(profile, report.GetProperty("profile").GetString());
    }

    [Theory]
    [InlineData("at=yesterday", "'at'")]
    [InlineData("policy=relaxed", "'policy'")]
    [InlineData("profile=pedantic", "'profile'")]
    [InlineData("verbose=maybe", "'verbose'")]
    public async Task Post_BadParameter_Returns400NamingIt(string query, string named)
    {
        using var response = await Client.PostAsync("/api/verify?" + query, Api.Text(Fixtures.Ob2Assertion, "application/json"));

        var problem = await Api.AssertProblemAsync(response, 400, "bad-parameter");
        Assert.Contains(named, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400NamingThePosition()
    {
        using var response = await Client.PostAsync("/api/verify", Api.Text("{\n  \"name\": \"x\"\n  \"extra\"\n}", "application/json"));

        var problem = await Api.AssertProblemAsync(response, 400, "malformed-json");
        Assert.Contains("line 3", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("text/plain", 400)]
    [InlineData("application/vc+sd-jwt", 415)]
    [InlineData("application/dc+sd-jwt", 415)]
    public async Task Post_SdJwt_ProblemSaysNotSupportedYet(string mediaType, int status)
    {
        var sdJwt = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZTppc3N1ZXIifQ.c2lnbmF0dXJl~WyJzYWx0IiwibmFtZSIsIkFkYSJd~";

        using var response = await Client.PostAsync("/api/verify", Api.Text(sdJwt, mediaType));

        await Api.AssertProblemAsync(response, status, "sd-jwt-not-supported");
    }

    [Fact]
    public async Task Post_HtmlPage_Returns400WebPage()
    {
        using var response = await Client.PostAsync("/api/verify", Api.Text("<!DOCTYPE html><html><body>badge</body></html>", "text/plain"));

        await Api.AssertProblemAsync(response, 400, "web-page");
    }

    [Fact]
    public async Task Post_Base64WrappedAssertion_IsVerified()
    {
        var wrapped = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Fixtures.Ob2Assertion));

        using var response = await Client.PostAsync("/api/verify", Api.Text(wrapped, "text/plain"));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("base64", report.GetProperty("input").GetProperty("embeddedIn").GetString());
    }

    [Fact]
    public async Task Post_EmptyBody_Returns400()
    {
        using var response = await Client.PostAsync("/api/verify", Api.Bytes([], "application/json"));

        await Api.AssertProblemAsync(response, 400, "nothing-verifiable");
    }

    [Fact]
    public async Task Post_NeitherJsonNorJwsNorUrl_Returns400()
    {
        using var response = await Client.PostAsync("/api/verify", Api.Text("hello, is this a badge?", "text/plain"));

        await Api.AssertProblemAsync(response, 400, "nothing-verifiable");
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData(null)]
    public async Task Post_PngWithoutBadge_Returns400(string? mediaType)
    {
        using var response = await Client.PostAsync("/api/verify", Api.Bytes(Fixtures.Png(), mediaType));

        var problem = await Api.AssertProblemAsync(response, 400, "nothing-verifiable");
        Assert.Contains("image", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_SvgWithoutBadge_Returns400()
    {
        using var response = await Client.PostAsync("/api/verify", Api.Text(Fixtures.Svg(), "image/svg+xml"));

        await Api.AssertProblemAsync(response, 400, "nothing-verifiable");
    }

    [Fact]
    public async Task Post_MultipartWithoutBadge_Returns400()
    {
        using var form = new MultipartFormDataContent { { new StringContent("ada@example.org"), "recipient" } };

        using var response = await Client.PostAsync("/api/verify", form);

        await Api.AssertProblemAsync(response, 400, "nothing-verifiable");
    }

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    public async Task Post_UnsupportedMediaType_Returns415(string mediaType)
    {
        using var response = await Client.PostAsync("/api/verify", Api.Bytes([1, 2, 3], mediaType));

        var problem = await Api.AssertProblemAsync(response, 415, "unsupported-media-type");
        Assert.Contains(mediaType, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Post_DeclaredLengthOverLimit_Returns413()
    {
        var body = new byte[LocalHostFactory.MaxBodyBytes + 1];
        body[0] = (byte)'{';

        using var response = await Client.PostAsync("/api/verify", Api.Bytes(body, "application/json"));

        await Api.AssertProblemAsync(response, 413, "body-too-large");
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413()
    {
        // No Content-Length: the cap must stop the read itself.
        var content = new StreamContent(new MemoryStream(new byte[LocalHostFactory.MaxBodyBytes * 2]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/verify") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Client.SendAsync(request);

        await Api.AssertProblemAsync(response, 413, "body-too-large");
    }

    [Fact]
    public async Task Post_BodyJustUnderLimit_IsVerified()
    {
        var json = Fixtures.Ob2Assertion.TrimEnd('}') + ",\"pad\":\"" + new string('x', LocalHostFactory.MaxBodyBytes - Fixtures.Ob2Assertion.Length - 16) + "\"}";

        using var response = await Client.PostAsync("/api/verify", Api.Text(json, "application/json"));

        await Api.AssertReportAsync(response);
    }

    [Fact]
    public async Task Put_IsRefusedWith405AndAllow()
    {
        using var response = await Client.PutAsync("/api/verify", Api.Text(Fixtures.Ob2Assertion, "application/json"));

        Assert.Equal(405, (int)response.StatusCode);
    }
}
