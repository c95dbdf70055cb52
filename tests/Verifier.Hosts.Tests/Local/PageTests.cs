using Microsoft.Playwright;
using Verifier.Core.Baking;
using Verifier.Hosts.Tests.TestSupport;

namespace Verifier.Hosts.Tests.Local;

/// <summary>
/// The page at / in a real browser (Debian Chromium through Playwright) against the local host on a real socket:
/// paste a link, or give the page a baked image, and read the verdict.
/// </summary>
[Trait("Category", "Browser")]
public sealed class PageTests(LocalHostFactory host) : IClassFixture<LocalHostFactory>
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task Page_PastedHostedLink_ShowsValidWithTheBadgeName()
    {
        await using var session = await OpenAsync();

        await session.Page.FillAsync("#input", Ob2Site.HostedUrl);
        await session.Page.ClickAsync("#verify");

        await Assertions.Expect(session.Page.Locator("#verdict")).ToHaveTextAsync("VALID");
        await Assertions.Expect(session.Page.Locator("#summary")).ToContainTextAsync("Robotics");
    }

    [SkippableFact]
    public async Task Page_BakedImage_ShowsValid()
    {
        Assert.True(BadgeBaker.TryBake(Fixtures.Png(), host.Site.SignedAssertion(), out var png, out _));
        await using var session = await OpenAsync();

        await session.Page.SetInputFilesAsync("#file", new FilePayload { Name = "badge.png", MimeType = "image/png", Buffer = png });
        await session.Page.ClickAsync("#verify");

        await Assertions.Expect(session.Page.Locator("#verdict")).ToHaveTextAsync("VALID");
    }

    [SkippableFact]
    public async Task Page_ImageWithoutBadge_ShowsTheProblemDetail()
    {
        await using var session = await OpenAsync();

        await session.Page.SetInputFilesAsync("#file", new FilePayload { Name = "plain.png", MimeType = "image/png", Buffer = Fixtures.Png() });
        await session.Page.ClickAsync("#verify");

        await Assertions.Expect(session.Page.Locator("#verdict")).ToContainTextAsync("No badge could be read");
    }

    private async Task<Session> OpenAsync()
    {
        Skip.IfNot(File.Exists(Chromium), $"browser test skipped: {Chromium} is not installed (.ci/steps/chromium.sh installs it)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-default-apps", "--disable-sync", "--no-first-run",
            ],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.AbsoluteUri);
        return new Session(playwright, browser, page);
    }

    private sealed record Session(IPlaywright Playwright, IBrowser Browser, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Browser.DisposeAsync();
            Playwright.Dispose();
        }
    }
}
