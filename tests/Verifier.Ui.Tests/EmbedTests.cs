using System.IO.Compression;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Http;
using Verifier.Http;

namespace Verifier.Ui.Tests;

/// <summary>
/// A displayer site on another origin (its own loopback server, with a strict CSP of its own) that loads
/// /embed/v1/badge.js with its SRI hash and shows &lt;verified-badge&gt; elements verified by the local host.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class EmbedTests(UiHost host) : IAsyncLifetime
{
    private LoopbackServer _displayer = null!;

    private string Verifier => host.BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync()
    {
        _displayer = await LoopbackServer.StartAsync();
        var sample = await File.ReadAllTextAsync(TestBadges.SamplePath("ob3-did-key.json"));
        var tamperedJwt = (await File.ReadAllTextAsync(TestBadges.SamplePath("ob3-did-jwk.jwt"))).Trim();
        tamperedJwt = tamperedJwt[..^4] + (tamperedJwt[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Ada's badges</title>
              <script src="{{Verifier}}/embed/v1/badge.js" integrity="{{EmbedHandler.Integrity}}" crossorigin="anonymous" defer></script>
            </head>
            <body>
              <main>
                <h1>Ada's badges</h1>
                <p>Robotics <verified-badge id="hosted" src="{{BadgeSite.AssertionUrl}}"></verified-badge></p>
                <p>Robotics again <verified-badge id="again" src="{{BadgeSite.AssertionUrl}}"></verified-badge></p>
                <p>Down <verified-badge id="down" src="{{BadgeSite.UnavailableAssertionUrl}}"></verified-badge></p>
                <p>Broken signature <verified-badge id="jws" data-jws="{{tamperedJwt}}"></verified-badge></p>
                <p>Inline <verified-badge id="inline" recipient="{{TestBadges.Email}}"><script type="application/json">{{sample}}</script></verified-badge></p>
              </main>
            </body>
            </html>
            """;
        // The displayer's own policy: scripts and fetches only from the verifier, no styles at all — the component
        // needs nothing else (its styles are a constructed stylesheet in its shadow root).
        _displayer.Map("/", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentSecurityPolicy = $"default-src 'none'; script-src {Verifier}; connect-src {Verifier}; style-src 'none'; img-src 'none'";
            await context.Response.WriteAsync(html);
        });
    }

    public async Task DisposeAsync() => await _displayer.DisposeAsync();

    [SkippableFact]
    public async Task Embed_OnAnotherOrigin_ShowsEachVerdictOnItsRibbon()
    {
        var page = await host.OpenAsync(path: _displayer.Url("/").AbsoluteUri);

        Assert.Equal("valid", await StateAsync(page, "hosted"));
        Assert.Equal("unknown", await StateAsync(page, "down"));
        Assert.Equal("invalid", await StateAsync(page, "jws"));
        Assert.Equal("valid", await StateAsync(page, "inline"));
        Assert.Equal("\u2713Valid\u00b7 " + BadgeSite.IssuerName + " \u00b7 Jan 15, 2026(details)", Squash(await page.Locator("#hosted button").TextContentAsync() ?? string.Empty));
        Assert.Contains("Could not check", await page.Locator("#down button").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Not valid", await page.Locator("#jws button").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Verifier Sample Academy", await page.Locator("#inline button").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshot.SaveIfAskedAsync(page, "embed");
    }

    [SkippableFact]
    public async Task Embed_SameBadgeTwice_AsksTheServiceOnceAndContactsNoOtherHost()
    {
        var page = await host.OpenAsync(path: "about:blank");
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);

        await page.GotoAsync(_displayer.Url("/").AbsoluteUri);
        await StateAsync(page, "again");
        await StateAsync(page, "inline");

        Assert.Single(requests, u => u.Contains("/api/verify", StringComparison.Ordinal) && u.Contains(Uri.EscapeDataString(BadgeSite.AssertionUrl), StringComparison.Ordinal));
        Assert.All(requests, u => Assert.True(u.StartsWith(_displayer.BaseUri.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) || u.StartsWith(Verifier, StringComparison.Ordinal), u));
    }

    [SkippableFact]
    public async Task Embed_Details_OpenAndCloseByKeyboard()
    {
        var page = await host.OpenAsync(path: _displayer.Url("/").AbsoluteUri);
        await StateAsync(page, "hosted");
        var button = page.Locator("#hosted button");
        Assert.Equal(1, await page.Locator("#hosted").GetByRole(AriaRole.Button, new() { Name = $"Valid \u00b7 {BadgeSite.IssuerName} \u00b7 Jan 15, 2026 (details)" }).CountAsync());

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("true", await button.GetAttributeAsync("aria-expanded"));
        var panel = page.Locator("#hosted .panel");
        Assert.True(await panel.IsVisibleAsync());
        var text = await panel.InnerTextAsync();
        Assert.Contains($"Issuer: {BadgeSite.IssuerName} (identity proven)", text, StringComparison.Ordinal);
        Assert.Contains($"Checked by {host.BaseAddress.Authority}", text, StringComparison.Ordinal);
        Assert.StartsWith(Verifier + "/?url=", await panel.Locator("a").GetAttributeAsync("href"), StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Escape");

        Assert.Equal("false", await button.GetAttributeAsync("aria-expanded"));
        Assert.False(await panel.IsVisibleAsync());
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.getElementById('hosted').shadowRoot.activeElement.tagName"));
    }

    [SkippableTheory]
    [InlineData("desktop-light")]
    [InlineData("phone-dark")]
    public async Task Embed_Ribbons_HaveNoAxeViolations(string viewName)
    {
        var page = await host.OpenAsync(View.Named(viewName), _displayer.Url("/").AbsoluteUri);
        foreach (var id in new[] { "hosted", "down", "jws", "inline" })
        {
            await StateAsync(page, id);
        }

        await page.Locator("#hosted button").ClickAsync();
        var results = await page.RunAxe();

        Assert.NotEmpty(results.Passes);
        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Fact]
    public async Task Embed_Script_IsAtMostTenKilobytesGzipped()
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var bytes = await client.GetByteArrayAsync("/embed/v1/badge.js");

        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            await gzip.WriteAsync(bytes);
        }

        Assert.True(buffer.Length <= 10 * 1024, $"badge.js is {buffer.Length} bytes gzipped");
        Assert.DoesNotContain("innerHTML", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    /// <summary>Waits until the element has left "pending" and returns its state (valid, invalid, unknown).</summary>
    private static async Task<string> StateAsync(IPage page, string id)
    {
        var element = page.Locator($"verified-badge#{id}:not([state=pending])[state]");
        await element.WaitForAsync();
        return (await element.GetAttributeAsync("state"))!;
    }

    private static string Squash(string text) => text.Replace("\n", string.Empty, StringComparison.Ordinal);
}
