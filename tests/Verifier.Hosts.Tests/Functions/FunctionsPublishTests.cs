using System.Diagnostics;

namespace Verifier.Hosts.Tests.Functions;

/// <summary>
/// <c>dotnet publish</c> of the Functions app gives a deployable folder whose functions.metadata lists every function
/// with its route and methods (what the Functions host reads to build its routing table).
/// </summary>
public sealed class FunctionsPublishTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    [Trait("Category", "Publish")]
    public async Task Publish_MetadataListsEveryRouteWithItsMethodsAndTheJobQueueTrigger()
    {
        var project = Path.Combine(RepositoryRoot(), "functions", "Verifier.Functions", "Verifier.Functions.csproj");
        var output = Directory.CreateTempSubdirectory("verifier-functions-publish-");
        try
        {
            // The test build already built the app (project reference, same configuration): publish only packages it.
            var (code, log) = await RunAsync("dotnet", ["publish", project, "-c", Configuration, "--no-build", "-o", output.FullName, "-nologo"]);
            Assert.True(code == 0, log);

            foreach (var file in new[] { "functions.metadata", "host.json", "worker.config.json", "extensions.json", "Verifier.Functions.dll" })
            {
                Assert.True(File.Exists(Path.Combine(output.FullName, file)), $"{file} missing from the publish folder");
            }

            using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, "functions.metadata")));
            var published = metadata.RootElement.EnumerateArray()
                .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "httpTrigger"))
                .ToDictionary(
                    b => b.GetProperty("route").GetString()!,
                    b => b.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal).ToArray());

            // host.json's prefix is empty: the API functions carry "api/" themselves, beside the page, its files and the embed.
            var expected = Routes.All.Select(r => (Route: Routes.Prefix + "/" + r.Route, r.Methods)).Concat(Routes.Ui).ToList();
            Assert.Equal(expected.Select(r => r.Route).Order(StringComparer.Ordinal), published.Keys.Order(StringComparer.Ordinal));
            foreach (var (route, methods) in expected)
            {
                Assert.Equal(methods.Order(StringComparer.Ordinal), published[route]);
            }

            // Jobs: one queue-triggered function on the fixed queue, over the host's identity-based storage connection.
            var queueTrigger = Assert.Single(metadata.RootElement.EnumerateArray()
                .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "queueTrigger")));
            Assert.Equal(Verifier.Storage.Jobs.JobQueue.Name, queueTrigger.GetProperty("queueName").GetString());
            Assert.Equal("AzureWebJobsStorage", queueTrigger.GetProperty("connection").GetString());
            using var host = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, "host.json")));
            Assert.Equal(string.Empty, host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "host.json")) && Directory.Exists(Path.Combine(dir.FullName, "functions")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int Code, string Log)> RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
