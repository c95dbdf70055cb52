using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Registries;

namespace Verifier.Hosts.Tests.Local;

/// <summary>The local host configured, through its configuration keys, with a local registry listing the test site's issuer URL.</summary>
public sealed class KnownIssuerFactory() : LocalHostFactory(new()
{
    ["Verifier:Registries:0:Name"] = RegistryName,
    ["Verifier:Registries:0:Type"] = "local",
    ["Verifier:Registries:0:Entries:0:Id"] = Ob2Site.IssuerId,
    ["Verifier:Registries:0:Entries:0:Name"] = "Example Partner University",
    ["Verifier:Registries:0:Entries:0:Url"] = Ob2Site.Origin,
})
{
    public const string RegistryName = "Our partners";
}

/// <summary>Registry status through the HTTP API: the issuer block's knownIn and the requireKnownIssuer parameter.</summary>
public sealed class KnownIssuerTests(KnownIssuerFactory host) : SocketHostTests<KnownIssuerFactory>(host)
{
    [Fact]
    public async Task Get_IssuerListedInALocalRegistry_ReportsKnownIn()
    {
        using var response = await Client.GetAsync("/api/verify?requireKnownIssuer=true&url=" + Uri.EscapeDataString(Ob2Site.HostedUrl));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal("valid", report.GetProperty("outcome").GetString());
        var listing = report.GetProperty("issuer").GetProperty("knownIn").EnumerateArray().Single();
        Assert.Equal(KnownIssuerFactory.RegistryName, listing.GetProperty("registry").GetString());
        Assert.Equal("Example Partner University", listing.GetProperty("name").GetString());
        Assert.Equal("passed", Check(report, "issuer.registry").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Post_HostedAssertionJson_IssuerIsMatchedByItsVerifiedProfileUrl()
    {
        using var response = await Client.PostAsync("/api/verify?requireKnownIssuer=false", Api.Text(Ob2Site.Assertion(signed: false).ToJsonString(), "application/ld+json"));

        var report = await Api.AssertReportAsync(response);
        Assert.Equal(Ob2Site.IssuerId, report.GetProperty("issuer").GetProperty("id").GetString());
        Assert.Equal("passed", Check(report, "issuer.registry").GetProperty("outcome").GetString());
    }

    private static JsonElement Check(JsonElement report, string id) =>
        report.GetProperty("checks").EnumerateArray().First(c => c.GetProperty("id").GetString() == id);
}

/// <summary>requireKnownIssuer on a host with no registries configured (the default).</summary>
public sealed class RequireKnownIssuerTests(LocalHostFactory host) : SocketHostTests<LocalHostFactory>(host)
{
    [Fact]
    public async Task Get_NoRegistriesConfigured_NoRegistryCheck_AndRequiringAKnownIssuerFails()
    {
        var url = "/api/verify?url=" + Uri.EscapeDataString(Ob2Site.HostedUrl);
        using var plain = await Client.GetAsync(url);
        using var required = await Client.GetAsync(url + "&requireKnownIssuer=true");

        var a = await Api.AssertReportAsync(plain);
        var b = await Api.AssertReportAsync(required);
        Assert.Equal("valid", a.GetProperty("outcome").GetString());
        Assert.DoesNotContain(a.GetProperty("checks").EnumerateArray(), c => c.GetProperty("id").GetString() == "issuer.registry");
        Assert.False(a.GetProperty("issuer").TryGetProperty("knownIn", out _));
        Assert.Equal("invalid", b.GetProperty("outcome").GetString());
    }

    [Fact]
    public void ShippedSettings_TrustNoRegistry_AndTheirExampleIsAWorkingConfiguration()
    {
        var example = Host.Services.GetRequiredService<IConfiguration>().GetSection("Verifier:_exampleRegistries").Get<List<IssuerRegistryOptions>>()!;

        var registries = new IssuerRegistries(
            Options.Create(new VerifierOptions { Registries = example }),
            Host.Services.GetRequiredService<IDocumentFetcher>(),
            TimeProvider.System);

        Assert.Empty(Host.Services.GetRequiredService<IssuerRegistries>().All);
        Assert.Equal(4, registries.All.Count);
        Assert.All(registries.All, r => Assert.True(r is OidfRegistry or LegacyRegistry, $"{r.Name} is misconfigured"));
    }

    [Fact]
    public async Task Post_BadRequireKnownIssuer_Returns400NamingIt()
    {
        using var response = await Client.PostAsync("/api/verify?requireKnownIssuer=perhaps", Api.Text(Fixtures.Ob2Assertion, "application/json"));

        var problem = await Api.AssertProblemAsync(response, 400, "bad-parameter");
        Assert.Contains("'requireKnownIssuer'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
