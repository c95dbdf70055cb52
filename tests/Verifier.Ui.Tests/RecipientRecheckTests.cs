using static Verifier.Ui.Tests.TestSupport.PageActions;

namespace Verifier.Ui.Tests;

/// <summary>
/// A badge that stores its recipient only as a salted hash: the page offers an e-mail field beside the verdict, and
/// checking an address verifies the same badge again with recipient= (by keyboard, as by mouse).
/// </summary>
[Collection(UiCollection.Name)]
public sealed class RecipientRecheckTests(UiHost host)
{
    [SkippableFact]
    public async Task Recheck_TheLearnersAddress_TurnsCaveatsIntoValid()
    {
        var page = await host.OpenAsync();
        await VerifySampleAsync(page, "ob3-did-key.png");
        Assert.Equal("caveats", await (await VerdictAsync(page)).GetAttributeAsync("data-headline"));

        await page.GetByLabel("Check who it was awarded to").FillAsync(TestBadges.Email);
        var request = await page.RunAndWaitForRequestAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Check this address" }).ClickAsync(),
            r => r.Url.Contains("/api/verify", StringComparison.Ordinal));

        Assert.Equal("POST", request.Method);
        Assert.Equal(TestBadges.Email, System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query)["recipient"]);
        await page.Locator("#verdict[data-headline=valid]").WaitForAsync();
        Assert.Equal("verdict", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(0, await page.Locator("#recheck").CountAsync());
        Assert.Contains("to ada@example.org on", await page.Locator("#summary-line").InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Recheck_AnotherAddressByKeyboard_SaysNotAwardedToThatAddress()
    {
        var page = await host.OpenAsync();
        await VerifySampleAsync(page, "ob3-did-jwk.jwt");
        await VerdictAsync(page);

        await page.GetByLabel("Check who it was awarded to").FocusAsync();
        await page.Keyboard.TypeAsync("grace@example.org");
        await page.Keyboard.PressAsync("Enter");

        var verdict = page.Locator("#verdict[data-headline=recipient]");
        await verdict.WaitForAsync();
        Assert.Equal("Not awarded to grace@example.org", await verdict.Locator("#verdict-title").InnerTextAsync());
        // The field stays, filled with what was tried, so another address is one edit away.
        Assert.Equal("grace@example.org", await page.GetByLabel("Check who it was awarded to").InputValueAsync());
    }

    [SkippableFact]
    public async Task Recheck_Empty_DoesNotVerifyAgain()
    {
        var page = await host.OpenAsync();
        await VerifySampleAsync(page, "ob3-did-key.json");
        await VerdictAsync(page);
        var requests = 0;
        page.Request += (_, r) => requests += r.Url.Contains("/api/verify", StringComparison.Ordinal) ? 1 : 0;

        await page.GetByRole(AriaRole.Button, new() { Name = "Check this address" }).ClickAsync();

        Assert.Equal("recheck-email", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal(0, requests);
    }
}
