namespace Verifier.Ui.Tests.TestSupport;

/// <summary>Set VERIFIER_UI_SCREENSHOTS to a folder to get full-page PNGs of the rendered results (CI keeps them as artefacts).</summary>
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
