using System.Text.RegularExpressions;

namespace Verifier.Core.Tests.Registries;

/// <summary>
/// The DCC's <c>legacy-*</c> test credentials (../shared/conformance/ob3/dcc-vc-test-fixtures, conformance category),
/// verified with the DCC sandbox registry (the vector copy) served from a loopback server under its real URL: every
/// one whose did:key issuer is verified is known in the sandbox registry as "Public Test Issuer".
/// </summary>
[Trait("Category", "Conformance")]
public sealed partial class DccRegistryFixtureTests(ITestOutputHelper output)
{
    private const string Issuer = "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q";
    private const string SandboxUrl = "https://digitalcredentials.github.io/sandbox-registry/registry.json";

    // Committed floor (measured when written: 10 of 26): legacy-* credentials of that issuer that verify valid with
    // knownIn naming the sandbox entry. The others fail for reasons of their own (expiry, status, proofs) and still
    // name the registry when their issuer is proven; the tampered one proves no issuer and names none.
    private const int KnownValidFloor = 10;

    [SkippableFact]
    public async Task VerifyAsync_LegacyCredentials_AreKnownInTheSandboxRegistry()
    {
        var root = SharedFolder.Require("conformance/ob3/dcc-vc-test-fixtures/verifiableCredentials");
        var contexts = SharedFolder.Require("contexts");
        var sandbox = File.ReadAllBytes(SharedFolder.Require("vectors/issuer-registry/legacy-dcc-sandbox-registry.json"));
        var knownValid = 0;
        foreach (var file in Directory.EnumerateFiles(root, "legacy*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            if (text.Length == 0 || !text.Contains(Issuer, StringComparison.Ordinal))
            {
                continue;
            }

            var report = await VerifyAsync(text, sandbox, contexts);
            var name = Path.GetRelativePath(root, file);
            output.WriteLine($"{name}: {report.Outcome}, issuer verified {report.Issuer?.Verified}, knownIn [{string.Join(", ", report.Issuer?.KnownIn?.Select(k => k.Registry + ": " + k.Name) ?? [])}]");
            if (report.Issuer is { Verified: true } issuer)
            {
                // Every credential whose issuer is proven gets the registry's name, whatever else is wrong with it.
                var listing = Assert.Single(issuer.KnownIn!);
                Assert.Equal(("DCC Sandbox Registry", "Public Test Issuer"), (listing.Registry, listing.Name));
                knownValid += report.Outcome == VerificationOutcome.Valid && report.Checks.Any(c => c.Id == IssuerRegistryCheck.Id && c.Outcome == CheckOutcome.Passed) ? 1 : 0;
            }
            else
            {
                Assert.Null(report.Issuer?.KnownIn);
            }
        }

        output.WriteLine($"{knownValid} valid and known in the sandbox registry");
        Assert.True(knownValid >= KnownValidFloor, $"{knownValid} credentials are valid and known, below the floor {KnownValidFloor}");
    }

    private static async Task<VerificationReport> VerifyAsync(string credential, byte[] sandbox, string contexts)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.MapBytes(new Uri(SandboxUrl).AbsolutePath, sandbox, "application/json");
        // Every host the credential names is mapped to the loopback server, where it answers 404: nothing leaves the machine.
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "digitalcredentials.github.io" };
        foreach (Match m in UrlPattern().Matches(credential))
        {
            hosts.Add(new Uri(m.Value).Host);
        }

        using var services = EngineFactory.Build(server, hosts, configure: o =>
        {
            o.Contexts.Path = contexts;
            o.Registries = [new IssuerRegistryOptions { Name = "DCC Sandbox Registry", Type = RegistryTypes.DccLegacy, Url = SandboxUrl }];
        });
        return await services.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(credential) });
    }

    [GeneratedRegex("https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\"\\s#]*)?")]
    private static partial Regex UrlPattern();
}
