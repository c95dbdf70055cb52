using System.Text;

namespace Verifier.Ui.Tests;

/// <summary>The page in headless Chromium: the user's paths from input to rendered verdict.</summary>
[Collection(UiCollection.Name)]
public sealed class VerifyPageTests(UiHost host)
{
    [SkippableFact]
    public async Task Verify_Garbage_ShowsTheProblemDetail()
    {
        var page = await host.OpenAsync();

        await page.GetByLabel("Badge link, JSON or JWS").FillAsync("this is not a badge");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        var problem = page.Locator("#problem");
        await problem.WaitForAsync();
        Assert.Equal("problem", await page.Locator("#verdict").GetAttributeAsync("data-outcome"));
        Assert.Contains("nothing-verifiable", await problem.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("400", await problem.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#checks").CountAsync());
        await Screenshot.SaveIfAskedAsync(page, "problem");
    }

    [SkippableFact]
    public async Task Verify_UploadedInvalidJson_ShowsInvalidWithTheFailedCheckFirst()
    {
        var page = await host.OpenAsync();
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Remove file" }).IsVisibleAsync());

        await page.GetByLabel("Or choose a badge file").SetInputFilesAsync(new FilePayload
        {
            Name = "badge.json",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(BadgeSite.UnverifiableAssertionJson()),
        });
        Assert.Contains("badge.json", await page.Locator("#file-name").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Remove file" }).IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await AssertVerdictAsync(page, "invalid", "Not valid");
        Assert.Equal("The badge does not say how it can be verified, or says it in a way that cannot be checked.",
            await page.Locator("#verdict .sub").InnerTextAsync());
        await PageActions.OpenTechnicalDetailsAsync(page);
        var first = page.Locator("#checks li").First;
        Assert.Equal("failed", await first.GetAttributeAsync("data-outcome"));
        Assert.Equal("ob2.verification.method", await first.GetAttributeAsync("data-check-id"));
        Assert.StartsWith("Failed:", await first.InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Verify_DroppedFile_IsUsedLikeAChosenOne()
    {
        var page = await host.OpenAsync();
        var transfer = await page.EvaluateHandleAsync(
            "json => { const t = new DataTransfer(); t.items.add(new File([json], 'dropped.json', { type: 'application/json' })); return t; }",
            BadgeSite.UnverifiableAssertionJson());

        await page.Locator("#drop-zone").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await AssertVerdictAsync(page, "invalid", "Not valid");
        Assert.Contains("dropped.json", await page.Locator("#file-name").InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Verify_HostedBadgeUrl_ShowsValidWithTheBadgeSummary()
    {
        var page = await host.OpenAsync();

        await page.GetByLabel("Badge link, JSON or JWS").FillAsync(BadgeSite.AssertionUrl);
        await page.GetByLabel("Expected recipient").FillAsync(BadgeSite.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await AssertVerdictAsync(page, "valid", "Valid");
        var facts = await page.Locator("#badge-facts").InnerTextAsync();
        Assert.Equal($"{BadgeSite.IssuerName} awarded \u201c{BadgeSite.BadgeName}\u201d to {BadgeSite.Email} on January 15, 2026.", await page.Locator("#summary-line").InnerTextAsync());
        Assert.Contains(BadgeSite.BadgeName, facts, StringComparison.Ordinal);
        Assert.Contains(BadgeSite.IssuerName, facts, StringComparison.Ordinal);
        // What was proven is shown apart from the issuer's own claims (docs/security.md).
        Assert.Contains("proven by the issuer's web site hosting the badge", facts, StringComparison.Ordinal);
        Assert.Contains("January 15, 2026 at 10:00 AM", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified as of", facts, StringComparison.Ordinal);
        await PageActions.OpenTechnicalDetailsAsync(page);
        Assert.Equal(0, await page.Locator("#checks li[data-outcome=failed]").CountAsync());
        Assert.StartsWith("data:image/svg+xml", await page.Locator(".summary img").GetAttributeAsync("src"), StringComparison.Ordinal);
        await Screenshot.SaveIfAskedAsync(page, "valid");
    }

    [SkippableFact]
    public async Task Verify_WrongRecipientStrict_SendsBothAndNamesTheIssuerProblemFirst()
    {
        var page = await host.OpenAsync();

        await page.GetByLabel("Badge link, JSON or JWS").FillAsync(BadgeSite.AssertionUrl);
        await page.GetByLabel("Expected recipient").FillAsync("someone.else@example.org");
        await page.GetByLabel("Strict").CheckAsync();
        var request = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync(),
            r => r.Url.Contains("/api/verify", StringComparison.Ordinal));

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query);
        Assert.Equal("GET", request.Method);
        Assert.Equal(BadgeSite.AssertionUrl, query["url"]);
        Assert.Equal("someone.else@example.org", query["recipient"]);
        Assert.Equal("strict", query["policy"]);
        Assert.Equal("true", query["image"]);
        // Strict refuses a badge proven only by the web site hosting it: that comes before whom it was awarded to.
        await AssertVerdictAsync(page, "invalid", "Issuer not confirmed");
        await PageActions.OpenTechnicalDetailsAsync(page);
        Assert.Equal("failed", await page.Locator("#checks li").First.GetAttributeAsync("data-outcome"));
    }

    [SkippableFact]
    public async Task Verify_IssuerServerDown_ShowsCouldNotVerify()
    {
        var page = await host.OpenAsync();

        await page.GetByLabel("Badge link, JSON or JWS").FillAsync(BadgeSite.UnavailableAssertionUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await AssertVerdictAsync(page, "indeterminate", "Could not check");
        Assert.Contains("503", await page.Locator("#verdict .sub").InnerTextAsync(), StringComparison.Ordinal);
        await PageActions.OpenTechnicalDetailsAsync(page);
        Assert.Equal("indeterminate", await page.Locator("#checks li").First.GetAttributeAsync("data-outcome"));
        await Screenshot.SaveIfAskedAsync(page, "indeterminate");
    }

    [SkippableFact]
    public async Task Verify_BadgeNamedWithHtml_RendersItAsText()
    {
        var page = await host.OpenAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        await page.GetByLabel("Badge link, JSON or JWS").FillAsync(BadgeSite.XssAssertionUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        await page.Locator("#verdict").WaitForAsync();
        var facts = page.Locator("#badge-facts");
        Assert.Contains(BadgeSite.XssName, await facts.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(BadgeSite.XssDescription, await facts.InnerTextAsync(), StringComparison.Ordinal);
        // The CSP alone would stop the inline onerror; what proves text rendering is that no element was parsed.
        Assert.Equal(0, await page.Locator("#output img[src='x'], #output script, #output b").CountAsync());
        Assert.Empty(dialogs);
        await Screenshot.SaveIfAskedAsync(page, "xss");
    }

    private static async Task AssertVerdictAsync(IPage page, string outcome, string title)
    {
        var verdict = page.Locator("#verdict");
        await verdict.WaitForAsync();
        Assert.Equal(outcome, await verdict.GetAttributeAsync("data-outcome"));
        Assert.Equal(title, await verdict.Locator("#verdict-title").InnerTextAsync());
    }
}
