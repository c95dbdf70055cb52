using Microsoft.Playwright;

namespace Verifier.Ui.Tests.TestSupport;

/// <summary>Development aid: set VERIFIER_UI_SCREENSHOTS to a folder to get full-page PNGs of the rendered results.</summary>
public static class Screenshot
{
    public static async Task SaveIfAskedAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("VERIFIER_UI_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }
}
