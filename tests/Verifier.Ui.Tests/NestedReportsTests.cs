using static Verifier.Ui.Tests.TestSupport.PageActions;

namespace Verifier.Ui.Tests;

/// <summary>A CLR's achievements with their own verdicts, and endorsements with who endorses and whether it verified.</summary>
[Collection(UiCollection.Name)]
public sealed class NestedReportsTests(UiHost host)
{
    [SkippableFact]
    public async Task Verify_Clr_ListsEveryAchievementInsideWithItsVerdict()
    {
        var page = await host.OpenAsync();

        await VerifySampleAsync(page, "clr.json", TestBadges.Email);

        Assert.Equal("valid", await (await VerdictAsync(page)).GetAttributeAsync("data-headline"));
        Assert.Equal("Achievements in this record (2)", await page.Locator("#achievements-heading").InnerTextAsync());
        var items = page.Locator("#achievements li");
        Assert.Equal(2, await items.CountAsync());
        Assert.Equal(["Open Badges Basics", "Reading a Verification Report"], await items.Locator("strong").AllInnerTextsAsync());
        Assert.All(await items.Locator(".nested-verdict").AllInnerTextsAsync(), v => Assert.Equal("Valid", v));
        Assert.All(await items.Locator(".nested-meta").AllInnerTextsAsync(), m => Assert.Equal("Verifier Sample Academy, January 1, 2026", m));
    }

    [SkippableFact]
    public async Task Verify_Endorsed_SaysWhoEndorsesAndThatItVerified()
    {
        var page = await host.OpenAsync();

        await VerifySampleAsync(page, "endorsed.json", TestBadges.Email);

        Assert.Equal("valid", await (await VerdictAsync(page)).GetAttributeAsync("data-headline"));
        var endorsement = page.Locator("#endorsements li");
        Assert.Equal("true", await endorsement.GetAttributeAsync("data-verified"));
        Assert.Equal("Verifier Sample Guild", await endorsement.Locator("strong").InnerTextAsync());
        Assert.Equal("Verified endorsement", await endorsement.Locator(".nested-verdict").InnerTextAsync());
    }

    [SkippableFact]
    public async Task Verify_BrokenEndorsement_IsACaveatNotAGreenBanner()
    {
        var page = await host.OpenAsync();

        await VerifyTextAsync(page, TestBadges.BrokenEndorsementJson(), TestBadges.Email);

        var verdict = await VerdictAsync(page);
        Assert.Equal("caveats", await verdict.GetAttributeAsync("data-headline"));
        Assert.Equal("valid", await verdict.GetAttributeAsync("data-outcome"));
        Assert.True(await page.Locator("#caveats li[data-kind=endorsement]").CountAsync() + await page.Locator("#caveats li[data-kind='ob3.endorsement']").CountAsync() > 0);
        var endorsement = page.Locator("#endorsements li");
        Assert.Equal("false", await endorsement.GetAttributeAsync("data-verified"));
        Assert.Equal("Not verified: Altered or wrongly signed", await endorsement.Locator(".nested-verdict").InnerTextAsync());
    }
}
