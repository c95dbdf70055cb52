namespace Verifier.Ui.Tests.TestSupport;

/// <summary>What a person does on the page: give a badge, optionally a recipient and a policy, press Verify.</summary>
public static class PageActions
{
    public static async Task VerifyLinkAsync(IPage page, string url, string? recipient = null, string? policy = null)
    {
        await page.GetByLabel("Badge link, JSON or JWS").FillAsync(url);
        await SubmitAsync(page, recipient, policy);
    }

    public static async Task VerifyFileAsync(IPage page, string name, byte[] bytes, string mimeType, string? recipient = null, string? policy = null)
    {
        await page.GetByLabel("Or choose a badge file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = mimeType, Buffer = bytes });
        await SubmitAsync(page, recipient, policy);
    }

    public static Task VerifySampleAsync(IPage page, string sample, string? recipient = null, string? policy = null)
    {
        var type = Path.GetExtension(sample) switch
        {
            ".png" => "image/png",
            ".svg" => "image/svg+xml",
            ".json" => "application/json",
            _ => "text/plain",
        };
        return VerifyFileAsync(page, sample, File.ReadAllBytes(TestBadges.SamplePath(sample)), type, recipient, policy);
    }

    public static async Task VerifyTextAsync(IPage page, string text, string? recipient = null, string? policy = null)
    {
        await page.GetByLabel("Badge link, JSON or JWS").FillAsync(text);
        await SubmitAsync(page, recipient, policy);
    }

    /// <summary>Waits for the verdict and returns it.</summary>
    public static async Task<ILocator> VerdictAsync(IPage page)
    {
        var verdict = page.Locator("#verdict");
        await verdict.WaitForAsync();
        return verdict;
    }

    /// <summary>Opens "Technical details" (closed by default) so the checks can be read.</summary>
    public static async Task OpenTechnicalDetailsAsync(IPage page)
    {
        await page.Locator("#technical > summary").ClickAsync();
        await page.Locator("#checks").WaitForAsync();
    }

    private static async Task SubmitAsync(IPage page, string? recipient, string? policy)
    {
        if (recipient is not null)
        {
            await page.GetByLabel("Expected recipient").FillAsync(recipient);
        }

        if (policy is not null)
        {
            await page.Locator($"input[name=policy][value={policy}]").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
    }
}
