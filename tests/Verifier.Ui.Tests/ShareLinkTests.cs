using static Verifier.Ui.Tests.TestSupport.PageActions;

namespace Verifier.Ui.Tests;

/// <summary>A badge link verified on the page gives a link that verifies it again on load; no recipient goes in it.</summary>
[Collection(UiCollection.Name)]
public sealed class ShareLinkTests(UiHost host)
{
    [SkippableFact]
    public async Task Verify_Url_OffersALinkWithTheUrlAndPolicyButNoRecipient()
    {
        var page = await host.OpenAsync();

        await VerifyLinkAsync(page, BadgeSite.AssertionUrl, BadgeSite.Email, "lenient");
        await VerdictAsync(page);

        var href = await page.Locator("#share-link").GetAttributeAsync("href");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(href!).Query);
        Assert.Equal(BadgeSite.AssertionUrl, query["url"]);
        Assert.Equal("lenient", query["policy"]);
        Assert.Null(query["recipient"]);
    }

    [SkippableFact]
    public async Task Open_SharedLink_VerifiesOnLoad()
    {
        var page = await host.OpenAsync(path: "/?url=" + Uri.EscapeDataString(BadgeSite.AssertionUrl) + "&policy=strict");

        var verdict = await VerdictAsync(page);

        Assert.Equal(BadgeSite.AssertionUrl, await page.GetByLabel("Badge link, JSON or JWS").InputValueAsync());
        Assert.True(await page.Locator("#policy-strict").IsCheckedAsync());
        Assert.Equal("issuer", await verdict.GetAttributeAsync("data-headline")); // strict refuses a hosted-on-origin proof
    }

    [SkippableFact]
    public async Task Open_SharedLinkWithAt_SaysTheInstantTheVerdictHoldsFor()
    {
        var page = await host.OpenAsync(path: "/?url=" + Uri.EscapeDataString(BadgeSite.AssertionUrl) + "&at=2026-03-01T09:30:00Z");

        var verdict = await VerdictAsync(page);

        Assert.Equal("Checked as of March 1, 2026 at 9:30 AM, not today.", await verdict.Locator("#as-of").InnerTextAsync());
        Assert.Contains("Verified as of\nMarch 1, 2026 at 9:30 AM", await page.Locator("#badge-facts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("at=2026-03-01T09%3A30%3A00Z", await page.Locator("#share-link").GetAttributeAsync("href"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Verify_File_OffersNoShareLink()
    {
        var page = await host.OpenAsync();

        await VerifySampleAsync(page, "ob3-did-key.png");
        await VerdictAsync(page);

        Assert.Equal(0, await page.Locator("#share-link").CountAsync());
    }
}
