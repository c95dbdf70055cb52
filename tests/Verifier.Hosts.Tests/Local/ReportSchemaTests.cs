using System.Security.Cryptography;
using Json.Schema;
using Verifier.Core.Baking;

namespace Verifier.Hosts.Tests.Local;

/// <summary>
/// The OpenAPI document types every report field (badge, issuer, checks, nested reports; no open-ended objects, no
/// unknown members): more than fifty real reports from the local host — samples/ and the loopback issuer, OB 0.5, 1.0,
/// 2.0, 3.0 and CLR, valid, invalid and indeterminate, with every option — validate against its schema.
/// </summary>
public sealed class ReportSchemaTests(LocalHostFactory host) : SocketHostTests<LocalHostFactory>(host)
{
    [Fact]
    public async Task Reports_OfEveryFamilyAndOutcome_ValidateAgainstTheOpenApiSchema()
    {
        var schema = ReportSchema();
        var reports = new List<(string Case, JsonElement Report)>();
        await foreach (var item in ReportsAsync())
        {
            reports.Add(item);
        }

        var failures = new List<string>();
        foreach (var (name, report) in reports)
        {
            var result = schema.Evaluate(report, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            if (!result.IsValid)
            {
                failures.Add($"{name}: " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                    .Select(d => $"{d.InstanceLocation} {string.Join(", ", d.Errors!.Values)}")));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(reports.Count >= 50, $"only {reports.Count} reports");
        var outcomes = reports.Select(r => r.Report.GetProperty("outcome").GetString()).ToHashSet();
        Assert.Equal(["indeterminate", "invalid", "valid"], outcomes.Order(StringComparer.Ordinal));
        var versions = reports.Select(r => r.Report.GetProperty("openBadgesVersion").GetString()).OfType<string>().ToHashSet();
        Assert.Superset(new HashSet<string> { "0.5", "1.0", "2.0", "3.0" }, versions);
        Assert.Contains(reports, r => r.Report.TryGetProperty("credentials", out _));
        Assert.Contains(reports, r => r.Report.TryGetProperty("endorsements", out _));
        Assert.Contains(reports, r => r.Report.GetProperty("badge").TryGetProperty("imageData", out _));
    }

    [Fact]
    public void Schema_RejectsAReportWithAnUndocumentedMember()
    {
        var report = JsonNode.Parse("""
            {"valid":true,"outcome":"valid","errorCount":0,"warningCount":0,"policy":"default","profile":"authenticity",
             "evaluatedAt":{"instant":"2026-01-01T00:00:00+00:00","fromRequest":false},"openBadgesVersion":"3.0",
             "input":{"kind":"bytes","format":"json"},"checks":[],"surprise":1}
            """)!;

        Assert.False(ReportSchema().Evaluate(JsonSerializer.SerializeToElement(report)).IsValid);
        report.AsObject().Remove("surprise");
        Assert.True(ReportSchema().Evaluate(JsonSerializer.SerializeToElement(report)).IsValid);
    }

    /// <summary>The document's report schema as a JSON Schema 2020-12 document (OpenAPI 3.1 schemas are JSON Schema).</summary>
    private static JsonSchema ReportSchema()
    {
        var document = JsonNode.Parse(OpenApiHandler.Bytes.Span)!;
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$ref"] = "#/$defs/VerificationReport",
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private async IAsyncEnumerable<(string, JsonElement)> ReportsAsync()
    {
        string[] options = [string.Empty, "recipient=ada%40example.org", "recipient=grace%40example.org", "verbose=true&image=true", "at=2024-06-01T00:00:00Z&policy=strict"];
        foreach (var sample in Directory.GetFiles(SamplesFolder()).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(sample);
            foreach (var option in options)
            {
                yield return ($"{Path.GetFileName(sample)}?{option}", await PostAsync(bytes, "?" + option));
            }
        }

        var site = Host.Site;
        site.Server.MapBytes("/badge.png", Fixtures.Png(), "image/png");
        site.Server.MapStatus("/assertions/down.json", 503);
        site.Server.MapBytes("/badges/page", Encoding.UTF8.GetBytes("<!doctype html><title>A badge</title>"), "text/html");
        var jws = site.SignedAssertion();
        Assert.True(BadgeBaker.TryBake(Fixtures.Png(), jws, out var png, out _));
        Assert.True(BadgeBaker.TryBake(Encoding.UTF8.GetBytes(Fixtures.Svg()), jws, out var svg, out _));
        var tampered = jws[..^6] + (jws[^6..] == "AAAAAA" ? "BBBBBB" : "AAAAAA");
        PublishLegacy(site);

        yield return ("ob2 hosted", await GetAsync(Ob2Site.HostedUrl));
        yield return ("ob2 hosted image", await GetAsync(Ob2Site.HostedUrl, "&image=true&recipient=ada%40example.org"));
        yield return ("ob2 hosted strict", await GetAsync(Ob2Site.HostedUrl, "&policy=strict"));
        yield return ("ob2 hosted down", await GetAsync(Ob2Site.Origin + "/assertions/down.json"));
        yield return ("ob2 missing", await GetAsync(Ob2Site.Origin + "/assertions/missing.json"));
        yield return ("web page", await GetAsync(Ob2Site.Origin + "/badges/page"));
        yield return ("ob2 signed", await PostAsync(Encoding.ASCII.GetBytes(jws), "?recipient=ada%40example.org", "application/jwt"));
        yield return ("ob2 signed lenient", await PostAsync(Encoding.ASCII.GetBytes(jws), "?policy=lenient", "application/jwt"));
        yield return ("ob2 tampered", await PostAsync(Encoding.ASCII.GetBytes(tampered), string.Empty, "application/jwt"));
        yield return ("ob2 baked png", await PostAsync(png, "?verbose=true", "image/png"));
        yield return ("ob2 baked svg", await PostAsync(svg, "?image=true", "image/svg+xml"));
        yield return ("ob2 unverifiable json", await PostAsync(Encoding.UTF8.GetBytes(Fixtures.Ob2Assertion), string.Empty, "application/json"));
        yield return ("ob1.0 hosted", await GetAsync(Ob2Site.Origin + "/v1/instance", "&recipient=ada%40example.org"));
        yield return ("ob0.5 hosted", await GetAsync(Ob2Site.Origin + "/v05/assertion.json", "&recipient=ada%40example.org"));
        yield return ("text that is json but no badge", await PostAsync(Encoding.UTF8.GetBytes("{\"hello\":\"world\"}"), string.Empty, "application/json"));
    }

    /// <summary>An OB 1.0 hosted assertion (with its 1.0 badge class and organization) and an OB 0.5 one on the site.</summary>
    private static void PublishLegacy(Ob2Site site)
    {
        const string origin = Ob2Site.Origin;
        site.Serve(origin + "/v1/organization", new JsonObject { ["name"] = "Legacy Issuer", ["url"] = origin });
        site.Serve(origin + "/v1/badge", new JsonObject
        {
            ["name"] = "Legacy Badge",
            ["description"] = "From 2015.",
            ["image"] = origin + "/badge.png",
            ["criteria"] = origin + "/v1/criteria",
            ["issuer"] = origin + "/v1/organization",
        });
        site.Serve(origin + "/v1/instance", new JsonObject
        {
            ["uid"] = "abc123",
            ["recipient"] = new JsonObject { ["identity"] = Ob2Site.Email, ["hashed"] = false, ["type"] = "email" },
            ["badge"] = origin + "/v1/badge",
            ["issuedOn"] = "2015-04-30",
            ["verify"] = new JsonObject { ["type"] = "hosted", ["url"] = origin + "/v1/instance" },
        });
        site.Serve(origin + "/v05/assertion.json", new JsonObject
        {
            ["recipient"] = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Ob2Site.Email + "salt"))),
            ["salt"] = "salt",
            ["issued_on"] = "2011-06-01",
            ["badge"] = new JsonObject
            {
                ["version"] = "0.5.0",
                ["name"] = "Oldest Badge",
                ["image"] = "/badge.png",
                ["description"] = "From 2011.",
                ["criteria"] = "/criteria/1",
                ["issuer"] = new JsonObject { ["origin"] = origin, ["name"] = "Oldest Issuer" },
            },
        });
    }

    private async Task<JsonElement> GetAsync(string url, string extra = "")
    {
        using var response = await Client.GetAsync("/api/verify?url=" + Uri.EscapeDataString(url) + extra);
        return await Api.AssertReportAsync(response);
    }

    private async Task<JsonElement> PostAsync(byte[] body, string query, string? mediaType = null)
    {
        using var response = await Client.PostAsync("/api/verify" + query, Api.Bytes(body, mediaType));
        return await Api.AssertReportAsync(response);
    }

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verifier.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("the repository root is not above " + AppContext.BaseDirectory);
    }
}
