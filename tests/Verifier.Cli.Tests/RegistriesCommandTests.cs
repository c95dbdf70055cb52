using System.Text.Json.Nodes;

namespace Verifier.Cli.Tests;

/// <summary>
/// <c>obverify registries check</c> and <c>verify --require-known-issuer</c> through the real tool, with registries
/// from a --settings file and a dcc-legacy registry on a loopback server reached as https://registry.example.
/// </summary>
public sealed class RegistriesCommandTests : WithTempFiles, IAsyncLifetime
{
    private const string Did = "did:key:z6MkListedByTheTestRegistry";
    private Ob2Site _site = null!;

    public async Task InitializeAsync() => _site = await Ob2Site.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private Dictionary<string, string> Environment => new()
    {
        ["Verifier__Fetch__AllowLoopback"] = "true",
        ["Verifier__Fetch__RetryCount"] = "0",
        [$"Verifier__Fetch__HostMap__{Ob2Site.Host}"] = _site.MappedTo,
        ["Verifier__Fetch__HostMap__registry.example"] = _site.MappedTo,
    };

    private string Settings(params JsonObject[] registries) =>
        Files.Write("appsettings.json", new JsonObject { ["Verifier"] = new JsonObject { ["Registries"] = new JsonArray(registries) } }.ToJsonString());

    private static JsonObject Legacy(string name) => new() { ["Name"] = name, ["Type"] = "dcc-legacy", ["Url"] = "https://registry.example/registry.json" };

    [Fact]
    public async Task Check_ListedDid_PrintsEachRegistryAndExits0()
    {
        _site.Server.MapJson("/registry.json", """{"registry":{"did:key:z6MkListedByTheTestRegistry":{"name":"Test College","url":"https://college.example"}}}""");
        var settings = Settings(Legacy("Test Registry"), new JsonObject { ["Name"] = "Ours", ["Type"] = "local", ["Entries"] = new JsonArray(new JsonObject { ["Id"] = "did:key:z6MkOther", ["Name"] = "Other" }) });

        var run = await Obverify.RunAsync(["registries", "check", Did + "#key-1", "--settings", settings], environment: Environment);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("Test Registry (dcc-legacy): listed as \"Test College\" (https://college.example)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Ours (local): not listed", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("known as \"Test College\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RegistryDown_IsUncheckedAndExits3_NotListedExits1()
    {
        _site.Server.MapStatus("/registry.json", 503);
        var settings = Settings(Legacy("Down"));

        var down = await Obverify.RunAsync(["registries", "check", Did, "--settings", settings], environment: Environment);
        _site.Server.MapJson("/registry.json", """{"registry":{}}""");
        var absent = await Obverify.RunAsync(["registries", "check", Did, "--settings", settings], environment: Environment);

        Assert.True(down.ExitCode == 3, down.Stdout + down.Stderr);
        Assert.Contains("Down (dcc-legacy): UNCHECKED", down.Stdout, StringComparison.Ordinal);
        Assert.True(absent.ExitCode == 1, absent.Stdout + absent.Stderr);
        Assert.Contains("not in any configured registry", absent.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NothingConfiguredOrNotAnIdentity_Exits2()
    {
        var none = await Obverify.RunAsync(["registries", "check", Did], environment: Environment);
        var garbage = await Obverify.RunAsync(["registries", "check", "urn:uuid:1234", "--settings", Settings(Legacy("R"))], environment: Environment);
        var missing = await Obverify.RunAsync(["registries", "check", Did, "--settings", Files.PathOf("nope.json")], environment: Environment);

        Assert.Equal((2, 2, 2), (none.ExitCode, garbage.ExitCode, missing.ExitCode));
        Assert.Contains("no issuer registries are configured", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_IssuerInALocalRegistry_PrintsTheRegistrysName_AndRequireKnownIssuerFailsTheOthers()
    {
        var jws = Files.Write("badge.jws", _site.SignedAssertion());
        var listing = Settings(new JsonObject { ["Name"] = "Partners", ["Type"] = "local", ["Entries"] = new JsonArray(new JsonObject { ["Id"] = Ob2Site.IssuerId, ["Name"] = "Partner University" }) });

        var known = await Obverify.RunAsync(["verify", jws, "--settings", listing, "--require-known-issuer"], environment: Environment);
        var unknown = await Obverify.RunAsync(["verify", jws, "--require-known-issuer"], environment: Environment);

        Assert.True(known.ExitCode == 0, known.Stdout + known.Stderr);
        Assert.Contains("known issuer: \"Partner University\" in Partners", known.Stdout, StringComparison.Ordinal);
        Assert.True(unknown.ExitCode == 1, unknown.Stdout + unknown.Stderr);
        Assert.Contains("issuer.registry", unknown.Stdout, StringComparison.Ordinal);
    }
}
