using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using static Verifier.Ui.Tests.TestSupport.PageActions;

namespace Verifier.Ui.Tests;

/// <summary>
/// WCAG 2.2 AA with axe-core (wcag2a, wcag2aa, wcag21aa, wcag22aa rules) in light and dark, desktop and phone: the
/// empty page, a valid result with caveats, the e-mail field and every detail open, and an invalid one; and the
/// page used by keyboard alone.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class PageAccessibilityTests(UiHost host)
{
    private static readonly AxeRunOptions Wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    public static TheoryData<string> Views => [.. View.All.Select(v => v.Name)];

    [SkippableTheory]
    [MemberData(nameof(Views))]
    public async Task Page_EmptyAndWithResults_HasNoAxeViolations(string viewName)
    {
        var page = await host.OpenAsync(View.Named(viewName));
        await AssertNoViolationsAsync(page, "empty");

        await VerifySampleAsync(page, "endorsed.json");
        await VerdictAsync(page);
        await OpenTechnicalDetailsAsync(page);
        await page.Locator("#technical .raw > summary").ClickAsync();
        await AssertNoViolationsAsync(page, "valid with caveats, details open");

        await page.GetByLabel("Check who it was awarded to").FillAsync("grace@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check this address" }).ClickAsync();
        await page.Locator("#verdict[data-headline=recipient]").WaitForAsync();
        await AssertNoViolationsAsync(page, "not awarded");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove file" }).ClickAsync(); // a chosen file wins over the text
        await VerifyLinkAsync(page, BadgeSite.WebPageUrl);
        await page.Locator("#verdict[data-headline=web-page]").WaitForAsync();
        await AssertNoViolationsAsync(page, "web page");
    }

    [SkippableFact]
    public async Task Page_KeyboardOnly_SubmitsAndMovesFocusToTheVerdict()
    {
        var page = await host.OpenAsync(View.PhoneLight);

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("badge-text", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(BadgeSite.AssertionUrl);
        await page.Locator("#recipient").FocusAsync();
        await page.Keyboard.TypeAsync(BadgeSite.Email);
        await page.Keyboard.PressAsync("Enter");

        var verdict = page.Locator("#result[aria-live=polite] #verdict");
        await verdict.WaitForAsync();
        Assert.Equal("valid", await verdict.GetAttributeAsync("data-outcome"));
        Assert.Equal("verdict", await page.EvaluateAsync<string>("document.activeElement.id"));

        // From the verdict, Tab reaches the details; Enter on their summary opens them.
        await page.Locator("#technical > summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.Locator("#checks").IsVisibleAsync());
    }

    [SkippableFact]
    public async Task Page_DarkTheme_LinksAndTextMeetContrast()
    {
        var page = await host.OpenAsync(View.DesktopDark);
        await VerifyLinkAsync(page, BadgeSite.AssertionUrl, BadgeSite.Email);
        await VerdictAsync(page);

        var results = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast"] } });

        Assert.NotEmpty(results.Passes);
        Assert.Empty(results.Violations);
        // The issuer's homepage link (the one the issue measured at 2:1) is among what passed.
        Assert.Contains(results.Passes.SelectMany(p => p.Nodes), n => n.Html.StartsWith("<a", StringComparison.Ordinal));
    }

    private static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        var results = await page.RunAxe(Wcag22AA);

        Assert.NotEmpty(results.Passes); // axe really ran
        Assert.True(results.Violations.Length == 0, state + ":\n" + string.Join("\n", results.Violations.Select(v =>
            $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }
}
