namespace Verifier.Cli.Tests;

/// <summary>
/// The Native AOT obverify (made by .ci/steps/obverify-aot.sh through scripts/install-obverify.sh, as the action makes
/// it) must say exactly what the framework-dependent build says: same report bytes, same exit codes — with signatures
/// checked, documents fetched and the badge image identified (ImageSharp, the one dependency with AOT warnings).
/// </summary>
public sealed class NativeAotTests : IAsyncLifetime
{
    private const string At = "2026-06-01T12:00:00Z";
    private Ob2Site _site = null!;

    public async Task InitializeAsync() => _site = await Ob2Site.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [SkippableFact]
    public async Task Verify_Samples_NativeWritesTheSameReportsAsTheJitBuild()
    {
        SkipUnlessBuilt();
        string[] args = ["verify", Path.Combine(Obverify.RepositoryRoot, "samples"), "--format", "json", "--at", At, "--image"];

        var jit = await Obverify.RunAsync(args);
        var native = await Obverify.RunAsync(args, native: true);

        Assert.Equal(1, native.ExitCode);
        Assert.Equal(jit.ExitCode, native.ExitCode);
        Assert.Equal(jit.Stdout, native.Stdout);
        using var json = JsonDocument.Parse(native.Stdout);
        Assert.Equal(9, json.RootElement.GetArrayLength());
    }

    [SkippableFact]
    public async Task Verify_SignedAndHostedBadgesOverTheNetwork_NativeAgreesAndIdentifiesTheImage()
    {
        SkipUnlessBuilt();
        var png = Fixtures.Png();
        _site.Server.MapBytes("/badge.png", png, "image/png");
        using var files = new TempFiles();
        var jws = files.Write("badge.jws", _site.SignedAssertion());
        var environment = new Dictionary<string, string>
        {
            ["Verifier__Fetch__AllowLoopback"] = "true",
            [$"Verifier__Fetch__HostMap__{Ob2Site.Host}"] = _site.MappedTo,
        };
        string[] args = ["verify", Ob2Site.HostedUrl, jws, "--format", "json", "--at", At, "--image", "--recipient", Ob2Site.Email];

        var native = await Obverify.RunAsync(args, environment: environment, native: true);
        var jit = await Obverify.RunAsync(args, environment: environment);

        Assert.True(native.ExitCode == 0, native.Stdout + native.Stderr);
        Assert.Equal(jit.Stdout, native.Stdout);
        using var json = JsonDocument.Parse(native.Stdout);
        Assert.All(json.RootElement.EnumerateArray(), r =>
            Assert.Equal("data:image/png;base64," + Convert.ToBase64String(png), r.GetProperty("badge").GetProperty("imageData").GetString()));
    }

    [SkippableFact]
    public async Task Help_Native_ListsTheSettings()
    {
        SkipUnlessBuilt();

        var run = await Obverify.RunAsync(["verify", "--help"], native: true);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Verifier__Fetch__AllowLoopback=true", run.Stdout, StringComparison.Ordinal);
    }

    private static void SkipUnlessBuilt() =>
        Skip.If(Obverify.Native is null, "native obverify not built here: run .ci/steps/obverify-aot.sh (CI does)");
}
