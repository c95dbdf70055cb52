using static Verifier.Ui.Tests.TestSupport.PageActions;

namespace Verifier.Ui.Tests;

/// <summary>
/// Every headline the page can give, each from a real verification (samples/, the loopback issuer, badges signed by
/// the test), at desktop and phone size in light and dark: the headline names the reason, the verdict has focus and
/// is on screen, and nothing scrolls sideways. A screenshot of each is kept when VERIFIER_UI_SCREENSHOTS is set (CI).
/// </summary>
[Collection(UiCollection.Name)]
public sealed class HeadlineTests(UiHost host)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var headline in Inputs.Keys)
        {
            foreach (var view in View.All)
            {
                data.Add(headline, view.Name);
            }
        }

        return data;
    }

    /// <summary>headline → (what the person does, the exact title, the report's outcome).</summary>
    private static readonly Dictionary<string, (Func<IPage, Task> Act, string Title, string Outcome)> Inputs = new()
    {
        ["valid"] = (p => VerifySampleAsync(p, "ob3-did-key.png", TestBadges.Email), "Valid", "valid"),
        ["caveats"] = (p => VerifySampleAsync(p, "ob3-did-jwk.svg"), "Valid, with caveats", "valid"),
        ["revoked"] = (p => VerifyLinkAsync(p, BadgeSite.RevokedAssertionUrl), $"Revoked ({BadgeSite.RevocationReason})", "invalid"),
        ["expired"] = (p => VerifySampleAsync(p, "expired.json"), "Expired on January 1, 2025", "invalid"),
        ["not-yet-valid"] = (p => VerifySampleAsync(p, "not-yet-valid.json"), "Not yet valid", "invalid"),
        ["altered"] = (p => VerifySampleAsync(p, "tampered.json"), "Altered or wrongly signed", "invalid"),
        ["recipient"] = (p => VerifySampleAsync(p, "ob3-did-key.json", "grace@example.org"), "Not awarded to grace@example.org", "invalid"),
        ["issuer"] = (p => VerifyTextAsync(p, TestBadges.UnboundIssuerJson()), "Issuer not confirmed", "invalid"),
        ["issuer-unproven"] = (p => VerifyTextAsync(p, TestBadges.UnboundIssuerJson(), policy: "lenient"), "Issuer not confirmed", "valid"),
        ["indeterminate"] = (p => VerifyLinkAsync(p, BadgeSite.UnavailableAssertionUrl), "Could not check", "indeterminate"),
        ["web-page"] = (p => VerifyLinkAsync(p, BadgeSite.WebPageUrl), "This link is a web page, not a badge", "invalid"),
        ["status-list"] = (p => VerifyTextAsync(p, TestBadges.StatusListJson()), "This is a status list, not a badge", "invalid"),
        ["unsupported-media-type"] = (p => VerifyFileAsync(p, "photo.jpg", TestBadges.Jpeg, "image/jpeg"), "This kind of file cannot hold a badge", "problem"),
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Verify_Input_HeadlineNamesTheReasonOnScreenWithFocus(string headline, string viewName)
    {
        var view = View.Named(viewName);
        var page = await host.OpenAsync(view);
        var (act, title, outcome) = Inputs[headline];

        await act(page);

        var verdict = await VerdictAsync(page);
        Assert.Equal(headline, await verdict.GetAttributeAsync("data-headline"));
        Assert.Equal(outcome, await verdict.GetAttributeAsync("data-outcome"));
        Assert.Equal(title, await verdict.Locator("#verdict-title").InnerTextAsync());
        Assert.Equal("verdict", await page.EvaluateAsync<string>("document.activeElement.id"));
        var box = await verdict.BoundingBoxAsync();
        Assert.True(box is not null && box.Y >= 0 && box.Y < view.Height, $"the verdict is at y={box?.Y}, outside the {view.Height}px window");
        Assert.True(await Layout.FitsWidthAsync(page), $"the page scrolls sideways at {view.Width}px");
        await Screenshot.SaveIfAskedAsync(page, $"headline-{headline}-{view.Name}");
    }

    [SkippableFact]
    public async Task Verify_ValidWithEveryCheckPassed_SaysSoAndNamesWhoItWasAwardedTo()
    {
        var page = await host.OpenAsync();

        await VerifySampleAsync(page, "ob3-did-key.png", TestBadges.Email);

        var verdict = await VerdictAsync(page);
        Assert.Contains("Every check passed", await verdict.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Verifier Sample Academy awarded \u201cOpen Badges Basics\u201d to ada@example.org on January 1, 2026.",
            await page.Locator("#summary-line").InnerTextAsync());
    }

    [SkippableFact]
    public async Task Verify_ValidWithoutRecipient_NeverClaimsEveryCheckPassed()
    {
        var page = await host.OpenAsync();

        await VerifySampleAsync(page, "ob3-did-key.json");

        var verdict = await VerdictAsync(page);
        Assert.DoesNotContain("Every check passed", await verdict.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("recipient", await page.Locator("#caveats li").First.GetAttributeAsync("data-kind"));
    }

    [SkippableFact]
    public async Task Verify_StatusListCredential_IsNamedAsAListNotAnAward()
    {
        var page = await host.OpenAsync();

        await VerifyTextAsync(page, TestBadges.StatusListJson());

        var verdict = await VerdictAsync(page);
        Assert.Equal("status-list", await verdict.GetAttributeAsync("data-headline"));
        var line = await page.Locator("#summary-line").InnerTextAsync();
        Assert.Contains("published this status list on January 1, 2026", line, StringComparison.Ordinal);
        Assert.DoesNotContain("awarded", line, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Verify_InvalidBadge_StatesItsClaimsAsClaims()
    {
        var page = await host.OpenAsync();

        await VerifySampleAsync(page, "tampered.json");

        await VerdictAsync(page);
        Assert.StartsWith("The badge says: Verifier Sample Academy awarded \u201cOpen Badges Mastery\u201d", await page.Locator("#summary-line").InnerTextAsync(), StringComparison.Ordinal);
    }
}
