using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Verifier.Ui.Tests.TestSupport;

namespace Verifier.Ui.Tests;

/// <summary>Keyboard use and an axe-core audit (WCAG 2 A/AA rules) of the page before and after a result.</summary>
[Collection(UiCollection.Name)]
public sealed class PageAccessibilityTests(UiHost host)
{
    [SkippableFact]
    public async Task Page_EmptyAndWithAResult_HasNoAxeViolations()
    {
        var page = await host.OpenAsync();
        await AssertNoViolationsAsync(page);

        await page.GetByLabel("Badge link, JSON or JWS").FillAsync(BadgeSite.AssertionUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await page.Locator("#verdict").WaitForAsync();

        await AssertNoViolationsAsync(page);
    }

    [SkippableFact]
    public async Task Page_KeyboardOnly_SubmitsAndAnnouncesTheResult()
    {
        var page = await host.OpenAsync();

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("badge-text", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(BadgeSite.AssertionUrl);
        await page.Locator("#recipient").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var verdict = page.Locator("#result[aria-live=polite] #verdict");
        await verdict.WaitForAsync();
        Assert.Equal("valid", await verdict.GetAttributeAsync("data-outcome"));
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();

        Assert.NotEmpty(results.Passes); // axe really ran

        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)")));
    }
}
