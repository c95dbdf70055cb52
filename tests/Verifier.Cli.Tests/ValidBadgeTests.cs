namespace Verifier.Cli.Tests;

/// <summary>
/// Badges that verify, run through the real obverify against an OB 2.0 issuer on a loopback server that the tool's
/// fetcher reaches as https://issuer.example (Verifier__Fetch__HostMap, Verifier__Fetch__AllowLoopback).
/// </summary>
public sealed class ValidBadgeTests : WithTempFiles, IAsyncLifetime
{
    private Ob2Site _site = null!;

    public async Task InitializeAsync() => _site = await Ob2Site.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private Dictionary<string, string> Environment => new()
    {
        ["Verifier__Fetch__AllowLoopback"] = "true",
        [$"Verifier__Fetch__HostMap__{Ob2Site.Host}"] = _site.MappedTo,
    };

    [Fact]
    public async Task Verify_SignedJwsFile_Exits0()
    {
        var jws = Files.Write("badge.jws", _site.SignedAssertion());

        var run = await Obverify.RunAsync(["verify", jws, "--recipient", Ob2Site.Email], environment: Environment);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains($"{jws}: VALID (Open Badges 2.0)", run.Stdout);
        Assert.Contains("Robotics, issued by Example Issuer", run.Stdout);
    }

    [Fact]
    public async Task Verify_HostedUrlAndBakedPng_BothValid_Exits0WithAnArray()
    {
        var png = Files.PathOf("baked.png");
        var plain = Files.Write("plain.png", Fixtures.Png());
        var jws = Files.Write("badge.jws", _site.SignedAssertion());
        var bake = await Obverify.RunAsync(["bake", plain, jws, "-o", png]);
        Assert.Equal(0, bake.ExitCode);

        var run = await Obverify.RunAsync(["verify", Ob2Site.HostedUrl, png, "--format", "json"], environment: Environment);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.All(json.RootElement.EnumerateArray(), r => Assert.Equal("valid", r.GetProperty("outcome").GetString()));
        Assert.Equal("png", json.RootElement[1].GetProperty("input").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Verify_ValidAndInvalid_Exits1()
    {
        var jws = Files.Write("badge.jws", _site.SignedAssertion());
        var bad = Files.Write("bad.json", Badges.UnverifiableAssertion);

        var run = await Obverify.RunAsync(["verify", jws, bad], environment: Environment);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("VALID", run.Stdout);
        Assert.Contains("INVALID", run.Stdout);
    }

    [Fact]
    public async Task Verify_ConformanceOnlyDefect_Exits0ByDefaultAnd1WithConformance()
    {
        var assertion = Ob2Site.Assertion(signed: true);
        assertion["narrative"] = 42; // OB 2.0: narrative is Text; a number changes nothing about what the badge proves
        var jws = Files.Write("badge.jws", _site.SignedAssertion(assertion));

        var byDefault = await Obverify.RunAsync(["verify", jws], environment: Environment);
        var forCi = await Obverify.RunAsync(["verify", jws, "--conformance", "--format", "json"], environment: Environment);

        Assert.True(byDefault.ExitCode == 0, byDefault.Stdout + byDefault.Stderr);
        Assert.True(forCi.ExitCode == 1, forCi.Stdout + forCi.Stderr);
        using var json = JsonDocument.Parse(forCi.Stdout);
        Assert.Equal("conformance", json.RootElement.GetProperty("profile").GetString());
    }

    [Fact]
    public async Task Verify_WrongRecipient_Exits1()
    {
        var jws = Files.Write("badge.jws", _site.SignedAssertion());

        var run = await Obverify.RunAsync(["verify", jws, "--recipient", "mallory@example.org"], environment: Environment);

        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task BakeThenUnbake_RoundTripsThePayload()
    {
        var plain = Files.Write("plain.svg", Fixtures.Svg());
        var baked = Files.PathOf("baked.svg");
        var payload = _site.SignedAssertion();
        var jws = Files.Write("badge.jws", payload);

        var bake = await Obverify.RunAsync(["bake", plain, jws, "--output", baked]);
        var unbake = await Obverify.RunAsync(["unbake", baked]);

        Assert.Equal(0, bake.ExitCode);
        Assert.Equal(0, unbake.ExitCode);
        Assert.Equal(payload, unbake.Stdout.Trim());
    }

    [Fact]
    public async Task Bake_NotAnImage_Exits1()
    {
        var text = Files.Write("plain.txt", "not an image");
        var jws = Files.Write("badge.jws", _site.SignedAssertion());

        var run = await Obverify.RunAsync(["bake", text, jws, "-o", Files.PathOf("out.png")]);

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(Files.PathOf("out.png")));
    }

    [Fact]
    public async Task Bake_WithoutOutput_IsAUsageError()
    {
        var plain = Files.Write("plain.png", Fixtures.Png());

        var run = await Obverify.RunAsync(["bake", plain, Ob2Site.HostedUrl]);

        Assert.Equal(2, run.ExitCode);
    }
}
