using System.Text.Json.Nodes;

namespace Verifier.Ui.Tests;

/// <summary>
/// The headline rules (Ui/verdict.js) on reports the real verifications above do not produce, run in the page's own
/// module in Chromium: each rule's input is a report shape the engine documents.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class VerdictRulesTests(UiHost host)
{
    [SkippableTheory]
    [InlineData("ob2.revocation", "the assertion has been revoked in https://i.example/revoked.json with reason: left the course", "Revoked (left the course)")]
    [InlineData("ob3.status", "revoked by the issuer's revocation list: duplicate", "Revoked (duplicate)")]
    [InlineData("ob3.status", "revoked: entry 7 of https://i.example/list is set", "Revoked")]
    [InlineData("ob3.status", "suspended: entry 7 of https://i.example/list is set", "Suspended")]
    [InlineData("issuer.registry", "not listed in any trusted registry", "Issuer not confirmed")]
    [InlineData("clr.credential", "credential 2 is invalid", "Not valid: an achievement inside failed")]
    [InlineData("ob3.schema", "the credential does not match its schema", "Not valid")]
    public async Task Judge_InvalidReport_NamesTheReason(string checkId, string message, string title)
    {
        var report = Report("invalid", Check(checkId, "failed", message));

        var verdict = await JudgeAsync(report);

        Assert.Equal(title, verdict["title"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Judge_AlteredAndExpired_SaysAlteredFirst()
    {
        var report = Report("invalid", Check("ob3.valid-until", "failed", "expired"), Check("proof.dataIntegrity", "failed", "does not verify"));

        Assert.Equal("altered", (await JudgeAsync(report))["kind"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Judge_HtmlPageCheckFromTheRealWorldInputsWork_IsAWebPage()
    {
        var report = Report("invalid", Check("input.html-page", "failed", "the URL answered with an HTML page"));

        Assert.Equal("web-page", (await JudgeAsync(report))["kind"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Judge_ValidWithASkippedCheck_DoesNotSayEveryCheckPassed()
    {
        var report = Report("valid", Check("ob3.proof", "passed", "ok"), Check("ob3.recipient", "passed", "ok"), Check("ob3.schema", "skipped", "not validated"));

        var verdict = await JudgeAsync(report);

        Assert.Equal("valid", verdict["kind"]!.GetValue<string>());
        Assert.DoesNotContain("Every check passed", verdict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Judge_ValidWithAWarning_IsValidWithCaveats()
    {
        var report = Report("valid", Check("ob3.recipient", "passed", "ok"), Check("issuer.url-unverified", "warning", "homepage claimed"));

        var verdict = await JudgeAsync(report);

        Assert.Equal("caveats", verdict["kind"]!.GetValue<string>());
        Assert.Equal("issuer.url-unverified", verdict["caveats"]![0]!["kind"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Judge_UnknownOutcomeAndHostileIds_IsCouldNotCheck()
    {
        var report = new JsonObject { ["outcome"] = "constructor", ["checks"] = new JsonArray(Check("__proto__", "toString", "x"), 42) };

        Assert.Equal("indeterminate", (await JudgeAsync(report))["kind"]!.GetValue<string>());
    }

    private async Task<JsonObject> JudgeAsync(JsonObject report)
    {
        var page = await host.OpenAsync();
        var json = await page.EvaluateAsync<string>(
            "async r => JSON.stringify((await import('/ui/verdict.js')).judge(JSON.parse(r), {}))", report.ToJsonString());
        return JsonNode.Parse(json)!.AsObject();
    }

    private static JsonObject Report(string outcome, params JsonNode[] checks) => new()
    {
        ["outcome"] = outcome,
        ["valid"] = outcome == "valid",
        ["issuer"] = new JsonObject { ["id"] = "https://i.example", ["verified"] = true, ["name"] = "I" },
        ["badge"] = new JsonObject { ["name"] = "B", ["recipient"] = "ada@example.org" },
        ["checks"] = new JsonArray(checks),
    };

    private static JsonObject Check(string id, string outcome, string message) => new() { ["id"] = id, ["outcome"] = outcome, ["message"] = message };
}
