using System.Net.Http.Headers;
using Verifier.Core.Baking;

namespace Verifier.Hosts.Tests.Local;

/// <summary>Badges that verify, through every way of calling /api/verify, against the site's own issuer and key.</summary>
public sealed class ValidBadgeTests(LocalHostFactory host) : SocketHostTests<LocalHostFactory>(host)
{
    [Fact]
    public async Task Get_HostedAssertionUrl_IsValid()
    {
        using var response = await Client.GetAsync("/api/verify?url=" + Uri.EscapeDataString(Ob2Site.HostedUrl));

        var report = await AssertValidAsync(response);
        Assert.Equal("hosted", report.GetProperty("verification").GetProperty("method").GetString());
        Assert.Equal("Robotics", report.GetProperty("badge").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_HostedAssertionJson_IsValid()
    {
        using var response = await Client.PostAsync("/api/verify", Api.Text(Ob2Site.Assertion(signed: false).ToJsonString(), "application/ld+json"));

        await AssertValidAsync(response);
    }

    [Fact]
    public async Task Post_SignedAssertionAsJwt_IsValid()
    {
        using var response = await Client.PostAsync("/api/verify", Api.Text(Host.Site.SignedAssertion(), "application/jwt"));

        var report = await AssertValidAsync(response);
        Assert.Equal("signed", report.GetProperty("verification").GetProperty("method").GetString());
    }

    [Fact]
    public async Task Post_BakedPng_IsValid()
    {
        using var response = await Client.PostAsync("/api/verify", Api.Bytes(BakedPng(), "image/png"));

        var report = await AssertValidAsync(response);
        Assert.Equal("png", report.GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Post_BakedSvg_IsValid()
    {
        Assert.True(BadgeBaker.TryBake(Encoding.UTF8.GetBytes(Fixtures.Svg()), Host.Site.SignedAssertion(), out var svg, out var error), error);

        using var response = await Client.PostAsync("/api/verify", Api.Bytes(svg, "image/svg+xml"));

        var report = await AssertValidAsync(response);
        Assert.Equal("svg", report.GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Post_MultipartBakedPngWithRecipient_IsValid()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(BakedPng());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "badge.png");
        form.Add(new StringContent(Ob2Site.Email), "recipient");

        using var response = await Client.PostAsync("/api/verify", form);

        await AssertValidAsync(response);
    }

    [Fact]
    public async Task Post_WrongRecipient_IsInvalid()
    {
        using var response = await Client.PostAsync("/api/verify?recipient=mallory%40example.org", Api.Text(Host.Site.SignedAssertion(), "text/plain"));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("invalid", report.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Post_TamperedSignedAssertion_IsInvalid()
    {
        var parts = Host.Site.SignedAssertion().Split('.');
        var tampered = Ob2Site.Assertion(signed: true);
        tampered["issuedOn"] = "2020-01-01T00:00:00Z";
        var forged = $"{parts[0]}.{Base64Url(tampered.ToJsonString())}.{parts[2]}";

        using var response = await Client.PostAsync("/api/verify", Api.Text(forged, "text/plain"));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("invalid", report.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Unbake_BakedPng_ReturnsThePayloadAndWhereItWas()
    {
        var jws = Host.Site.SignedAssertion();
        Assert.True(BadgeBaker.TryBake(Fixtures.Png(), jws, out var png, out _));

        using var response = await Client.PostAsync("/api/unbake", Api.Bytes(png, "image/png"));

        Assert.Equal(200, (int)response.StatusCode);
        var body = await Api.ReadAsync(response);
        Assert.Equal("found", body.GetProperty("status").GetString());
        Assert.Equal(jws, body.GetProperty("payload").GetString());
        Assert.Contains("openbadges", body.GetProperty("location").GetString());
    }

    [Fact]
    public async Task Bake_PngAndBadge_ReturnsAVerifiableImageWithEveryOriginalChunk()
    {
        var original = Fixtures.Png();
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(original), "image", "plain.png");
        form.Add(new StringContent(Host.Site.SignedAssertion()), "badge");

        using var response = await Client.PostAsync("/api/bake", form);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var baked = await response.Content.ReadAsByteArrayAsync();
        Assert.True(baked.Length > original.Length);
        Assert.Equal(original[..33].AsEnumerable(), baked[..33]); // signature + IHDR untouched
        Assert.Equal(original[33..].AsEnumerable(), baked[^(original.Length - 33)..]); // IDAT + IEND untouched
        using var verify = await Client.PostAsync("/api/verify", Api.Bytes(baked, "image/png"));
        await AssertValidAsync(verify);
    }

    [Fact]
    public async Task Bake_SvgAndBadgeFile_ReturnsSvg()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Fixtures.Svg()), "image", "plain.svg");
        form.Add(new StringContent(Ob2Site.HostedUrl), "badge", "badge.txt");

        using var response = await Client.PostAsync("/api/bake", form);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        using var verify = await Client.PostAsync("/api/verify", Api.Bytes(await response.Content.ReadAsByteArrayAsync(), "image/svg+xml"));
        await AssertValidAsync(verify);
    }

    [Fact]
    public async Task Bake_NotMultipart_Returns415()
    {
        using var response = await Client.PostAsync("/api/bake", Api.Bytes(Fixtures.Png(), "image/png"));

        await Api.AssertProblemAsync(response, 415, "unsupported-media-type");
    }

    [Fact]
    public async Task Bake_WithoutBadge_Returns400()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Fixtures.Png()), "image", "plain.png" } };

        using var response = await Client.PostAsync("/api/bake", form);

        await Api.AssertProblemAsync(response, 400, "nothing-verifiable");
    }

    [Fact]
    public async Task Bake_ImageNotPngOrSvg_Returns400()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("GIF89a"u8.ToArray()), "image", "plain.gif" },
            { new StringContent(Ob2Site.HostedUrl), "badge" },
        };

        using var response = await Client.PostAsync("/api/bake", form);

        await Api.AssertProblemAsync(response, 400, "nothing-verifiable");
    }

    private byte[] BakedPng()
    {
        Assert.True(BadgeBaker.TryBake(Fixtures.Png(), Host.Site.SignedAssertion(), out var png, out var error), error);
        return png;
    }

    private static async Task<JsonElement> AssertValidAsync(HttpResponseMessage response)
    {
        var report = await Api.AssertReportAsync(response);
        Assert.True(report.GetProperty("outcome").GetString() == "valid", report.ToString());
        return report;
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
