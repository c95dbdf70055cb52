using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verifier.Local;

namespace Verifier.Ui.Tests.TestSupport;

/// <summary>
/// The local host on a real socket (Kestrel, 127.0.0.1, random port) with https://issuer.example mapped to a
/// <see cref="BadgeSite"/>, and one headless Debian Chromium shared by the tests. Without /usr/bin/chromium the
/// host still starts (HTTP-only tests run) and browser tests skip.
/// </summary>
public sealed class UiHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-default-apps", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly Queue<IBrowserContext> _contexts = new();

    public BadgeSite Site { get; private set; } = null!;

    public Factory Host { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await BadgeSite.StartAsync();
        Host = new Factory(new()
        {
            ["Verifier:Fetch:AllowLoopback"] = "true",
            ["Verifier:Fetch:HostMap:" + BadgeSite.Host] = Site.Authority,
        });
        BaseAddress = new Uri(Host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        if (File.Exists(ChromiumPath))
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        }
    }

    /// <summary>
    /// A fresh page (own context) at <paramref name="path"/> (relative to the verifier, or absolute), in US English and UTC so dates read
    /// the same on every machine; skips the test when Chromium is missing.
    /// </summary>
    public async Task<IPage> OpenAsync(View? view = null, string path = "/")
    {
        Skip.If(_browser is null, $"Chromium is not installed at {ChromiumPath}: run .ci/steps/chromium.sh (CI does).");
        view ??= View.DesktopLight;
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.AbsoluteUri,
            ViewportSize = new() { Width = view.Width, Height = view.Height },
            IsMobile = view.Mobile,
            HasTouch = view.Mobile,
            ColorScheme = view.Scheme,
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        // Tests run one at a time: close contexts a few pages old, so dozens of tests do not pile up in one browser.
        _contexts.Enqueue(context);
        while (_contexts.Count > 4)
        {
            await _contexts.Dequeue().CloseAsync();
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
        await Site.DisposeAsync();
    }

    public sealed class Factory : WebApplicationFactory<LocalHostMarker>
    {
        private readonly Dictionary<string, string?> _settings;

        public Factory(Dictionary<string, string?> settings)
        {
            _settings = settings;
            UseKestrel(0);
            StartServer();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.ClearProviders());
        }
    }
}
