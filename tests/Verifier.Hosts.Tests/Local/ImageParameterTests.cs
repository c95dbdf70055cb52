namespace Verifier.Hosts.Tests.Local;

/// <summary>image=true: the report carries the badge image as a data: URI, fetched by the service, not by the reader.</summary>
public sealed class ImageParameterTests(LocalHostFactory host) : SocketHostTests<LocalHostFactory>(host)
{
    [Fact]
    public async Task Get_ImageTrue_CarriesTheRemotePngAsADataUri()
    {
        var png = Fixtures.Png();
        Host.Site.Server.MapBytes("/badge.png", png, "image/png");

        using var response = await Client.GetAsync("/api/verify?image=true&url=" + Uri.EscapeDataString(Ob2Site.HostedUrl));

        var badge = (await Api.AssertReportAsync(response)).GetProperty("badge");
        Assert.Equal(Ob2Site.Origin + "/badge.png", badge.GetProperty("image").GetString());
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(png), badge.GetProperty("imageData").GetString());
    }

    [Fact]
    public async Task Get_WithoutImage_LeavesImageDataOutAndFetchesTheImageOnlyForItsCheck()
    {
        Host.Site.Server.MapBytes("/unasked.png", Fixtures.Png(), "image/png");
        var assertion = Ob2Site.Assertion(signed: false);
        assertion["id"] = Ob2Site.Origin + "/assertions/unasked.json";
        var badgeClass = Ob2Site.BadgeClass();
        badgeClass["id"] = Ob2Site.Origin + "/badge-unasked.json";
        badgeClass["image"] = Ob2Site.Origin + "/unasked.png";
        assertion["badge"] = badgeClass["id"]!.GetValue<string>();
        Host.Site.Serve(Ob2Site.Origin + "/badge-unasked.json", badgeClass);
        Host.Site.Serve(Ob2Site.Origin + "/assertions/unasked.json", assertion);

        using var response = await Client.GetAsync("/api/verify?url=" + Uri.EscapeDataString(Ob2Site.Origin + "/assertions/unasked.json"));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("valid", report.GetProperty("outcome").GetString());
        Assert.False(report.GetProperty("badge").TryGetProperty("imageData", out _));
        // The ob2.image check identifies the image from its header (one guarded fetch); nothing else asks for it.
        Assert.Equal(1, Host.Site.Server.Hits("/unasked.png"));
        Assert.Contains(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("id").GetString() == "ob2.image");
    }

    [Fact]
    public async Task Get_ImageNotAFlag_Returns400()
    {
        using var response = await Client.GetAsync("/api/verify?image=please&url=" + Uri.EscapeDataString(Ob2Site.HostedUrl));

        await Api.AssertProblemAsync(response, 400, "bad-parameter");
    }
}
