using static Verifier.Ui.Tests.TestSupport.PageActions;

namespace Verifier.Ui.Tests;

/// <summary>
/// 320 to 1440 px wide without sideways scrolling, with the widest content the page shows: a did:jwk issuer id, a
/// hashed recipient, every check's id and the full report opened under Technical details.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class LayoutTests(UiHost host)
{
    [SkippableTheory]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(768)]
    [InlineData(1440)]
    public async Task Result_WithLongIdsAndDetailsOpen_FitsTheWindow(int width)
    {
        var page = await host.OpenAsync(View.OfWidth(width));
        Assert.True(await Layout.FitsWidthAsync(page), $"the empty page scrolls sideways at {width}px");

        await VerifySampleAsync(page, "ob3-did-jwk.svg");
        await VerdictAsync(page);
        await OpenTechnicalDetailsAsync(page);
        await page.Locator("#technical .raw > summary").ClickAsync();

        Assert.True(await Layout.FitsWidthAsync(page), $"the result scrolls sideways at {width}px");
        await Screenshot.SaveIfAskedAsync(page, $"layout-{width}");
    }
}
