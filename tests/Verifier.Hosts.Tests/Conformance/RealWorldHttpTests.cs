using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Verifier.Core.Fetching;
using Xunit.Abstractions;

namespace Verifier.Hosts.Tests.Conformance;

/// <summary>
/// Every real-world file of ../shared/realworld/files POSTed to the real local host (Kestrel, the production body
/// limit, no host name resolving): each answers a 200 report or a clear 4xx problem, never a 5xx. Prints
/// file | status | outcome or problem code.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class RealWorldHttpTests(RealWorldHostFactory host, ITestOutputHelper output) : IClassFixture<RealWorldHostFactory>
{
    [SkippableFact]
    public async Task PostEachRealWorldFile_ReportOrClear4xx_Never5xx()
    {
        var folder = SharedFolder.Require("realworld/files");
        using var client = host.CreateSocketClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        var table = new StringBuilder($"{"file",-76} | status | outcome or problem code\n");
        var problems = new List<string>();
        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            content.Headers.ContentType = new MediaTypeHeaderValue(MediaType(path));
            using var response = await client.PostAsync("/api/verify", content);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var status = (int)response.StatusCode;
            var what = status == 200 ? body.RootElement.GetProperty("outcome").GetString() : body.RootElement.GetProperty("code").GetString();
            table.AppendLine($"{name,-76} | {status,6} | {what}");
            if (status >= 500 || (status != 200 && status < 400))
            {
                problems.Add($"{name}: HTTP {status} {what}");
            }

            if (status == 200 && body.RootElement.GetProperty("checks").EnumerateArray().Any(c => c.GetProperty("id").GetString() == "engine.unexpected"))
            {
                problems.Add($"{name}: engine.unexpected");
            }
        }

        output.WriteLine(table.ToString());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string MediaType(string path) => Path.GetExtension(path) switch
    {
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        ".json" => "application/json",
        ".jwt" => "application/jwt",
        _ => "text/plain",
    };
}

/// <summary>The local host with the production body limit, the pinned contexts of ../shared, and no DNS at all.</summary>
public sealed class RealWorldHostFactory() : LocalHostFactory(new()
{
    ["Verifier:Http:MaxBodyBytes"] = (10 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Verifier:Contexts:Path"] = SharedFolder.Path is { } shared ? Path.Combine(shared, "contexts") : null,
})
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IHostResolver, NoDnsResolver>());
    }
}
