using System.Text.Json.Nodes;

namespace Verifier.Ui.Tests;

/// <summary>
/// The issuer line and registry status in headless Chromium. The shared host has no registries configured (the
/// default), so the real verification shows the "not confirmed" marker; reports that carry registry listings are
/// answered for /api/verify by the browser's own request routing, to show how the page renders what a registry says.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class RegistryPageTests(UiHost host)
{
    private const string Logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    [SkippableFact]
    public async Task Verify_NoRegistryListsTheIssuer_ShowsTheClaimedNameAsNotConfirmed()
    {
        var page = await host.OpenAsync();

        await page.GetByLabel("Badge link, JSON or JWS").FillAsync(BadgeSite.AssertionUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        var line = page.Locator("#issuer-registry");
        await line.WaitForAsync();
        Assert.Equal("false", await line.GetAttributeAsync("data-known"));
        Assert.Contains(BadgeSite.IssuerName + " \u2014 not confirmed by any registry", await line.InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Verify_IssuerKnownInRegistries_ShowsTheRegistrysNameLogoAndWhereItIsListed()
    {
        var page = await host.OpenAsync();
        await AnswerAsync(page, Report(new JsonArray(
            Listing("DCC Member Registry", "OneUni University", "https://oneuni.example", Logo, "Board and Trustees of OneUni University"),
            Listing("DCC Community Registry", "Issuer Registry Client test", "https://dcconsortium.example", null, null)), new JsonArray("DCC Sandbox Registry")));

        await page.GetByLabel("Badge link, JSON or JWS").FillAsync(BadgeSite.AssertionUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        var line = page.Locator("#issuer-registry");
        await line.WaitForAsync();
        Assert.Equal("true", await line.GetAttributeAsync("data-known"));
        Assert.Equal("OneUni University \u2014 listed in DCC Member Registry, DCC Community Registry", await line.InnerTextAsync());
        Assert.Equal("https://oneuni.example/", await line.Locator("a").GetAttributeAsync("href"));
        Assert.Equal(Logo, await line.Locator("img.registry-logo").GetAttributeAsync("src"));
        var facts = await page.Locator("#badge-facts").InnerTextAsync();
        Assert.Contains("Board and Trustees of OneUni University", facts, StringComparison.Ordinal);
        Assert.Contains("Claimed Name", facts, StringComparison.Ordinal); // the badge's own claim stays visible, apart
        Assert.Contains("DCC Sandbox Registry", facts, StringComparison.Ordinal); // registriesUnchecked
        await Screenshot.SaveIfAskedAsync(page, "known-issuer");
    }

    [SkippableFact]
    public async Task Verify_RegistryEntryWithMarkupAndAnUrlLogo_IsTextAndLoadsNothing()
    {
        var page = await host.OpenAsync();
        var images = new List<string>();
        page.Request += (_, r) =>
        {
            if (r.ResourceType == "image")
            {
                images.Add(r.Url);
            }
        };
        await AnswerAsync(page, Report(new JsonArray(
            Listing("<b>Registry</b>", "<img src=x onerror=alert(1)>", "javascript:alert(2)", "https://tracker.example/logo.png", null)), null));

        await page.GetByLabel("Badge link, JSON or JWS").FillAsync(BadgeSite.AssertionUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();

        var line = page.Locator("#issuer-registry");
        await line.WaitForAsync();
        Assert.Contains("<img src=x onerror=alert(1)> \u2014 listed in <b>Registry</b>", await line.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await line.Locator("img, a, b").CountAsync());
        Assert.DoesNotContain(images, u => u.Contains("tracker.example", StringComparison.Ordinal));
    }

    private static JsonObject Listing(string registry, string name, string url, string? logo, string? legalName)
    {
        var listing = new JsonObject { ["registry"] = registry, ["name"] = name, ["url"] = url };
        if (logo is not null)
        {
            listing["logo"] = logo;
        }

        if (legalName is not null)
        {
            listing["legalName"] = legalName;
        }

        return listing;
    }

    private static string Report(JsonArray knownIn, JsonArray? notChecked) => new JsonObject
    {
        ["valid"] = true,
        ["outcome"] = "valid",
        ["errorCount"] = 0,
        ["warningCount"] = 0,
        ["policy"] = "default",
        ["issuer"] = new JsonObject
        {
            ["id"] = "did:web:oneuni.example",
            ["verified"] = true,
            ["verifiedBy"] = "did-document",
            ["name"] = "Claimed Name",
            ["url"] = "https://claimed.example",
            ["knownIn"] = knownIn,
            ["registriesUnchecked"] = notChecked,
        },
        ["badge"] = new JsonObject { ["name"] = "Robotics" },
        ["checks"] = new JsonArray(new JsonObject { ["id"] = "issuer.registry", ["outcome"] = "passed", ["message"] = "listed" }),
    }.ToJsonString();

    private static async Task AnswerAsync(IPage page, string report) =>
        await page.RouteAsync("**/api/verify**", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = report }));
}
