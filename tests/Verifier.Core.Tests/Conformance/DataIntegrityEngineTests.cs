namespace Verifier.Core.Tests.Conformance;

/// <summary>
/// The OB 3.0 and CLR 2.0 signed spec examples through the whole engine (BadgeVerifier, Verifier:Contexts:Path =
/// ../shared/contexts): the issuer's controller document, which lists the example's published key for assertions, is
/// served from a loopback server under the issuer's own URL.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class DataIntegrityEngineTests(ITestOutputHelper output)
{
    private const string Issuer = "https://example.edu/issuers/565049";
    private const string KeyMultibase = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";

    [SkippableTheory]
    [InlineData("obv3p0")]
    [InlineData("clrv2p0")]
    public async Task BadgeVerifier_SpecExample_ProofPasses(string name)
    {
        var json = File.ReadAllText(Path.Combine(SharedFolder.Require("vectors/ob3-spec"), $"{name}-eddsa-rdfc-2022-signed.json"));

        var report = await VerifyAsync(json);

        output.WriteLine(string.Join("\n", report.Checks.Select(c => $"{c.Id} {c.Outcome}: {c.Message}")));
        Assert.Contains(report.Checks, c => c.Id == ProofCheckIds.DataIntegrity && c.Outcome == CheckOutcome.Passed);
        Assert.Equal("eddsa-rdfc-2022", report.Verification?.Algorithm);
        Assert.True(report.Verification?.IssuerKeyBound);
        Assert.Contains(report.Checks, c => c.Id == "ob3.issuer-key" && c.Outcome == CheckOutcome.Passed);
    }

    [SkippableTheory]
    [InlineData("obv3p0")]
    [InlineData("clrv2p0")]
    public async Task BadgeVerifier_SpecExampleNameChanged_Invalid(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.Require("vectors/ob3-spec"), $"{name}-eddsa-rdfc-2022-signed.json")))!;
        json["name"] = "Forged";

        var report = await VerifyAsync(json.ToJsonString());

        Assert.Equal(VerificationOutcome.Invalid, report.Outcome);
        Assert.Contains(report.Checks, c => c.Id == ProofCheckIds.DataIntegrity && c.Outcome == CheckOutcome.Failed);
    }

    [SkippableFact]
    public async Task BadgeVerifier_Verbose_ReportCarriesCanonicalFormsAndHashes()
    {
        var folder = SharedFolder.Require("vectors/ob3-spec");
        var json = File.ReadAllText(Path.Combine(folder, "obv3p0-eddsa-rdfc-2022-signed.json"));

        var report = await VerifyAsync(json, verbose: true);

        var details = Assert.Single(report.Checks, c => c.Id == ProofCheckIds.DataIntegrity).Details!;
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "obv3p0-document-canon.nq")), details["canonicalDocument"]);
        Assert.Equal("87f65a76d40146205e3b3e06cb0fbd153f97f9ce70372390f52566bb7f9e0773", details["documentHash"]);
        Assert.Equal("d34009cea0dbc1ca941e09dc01c8c9d3e3ce3c5b853f67ee44698dcea10f5d19", details["proofConfigurationHash"]);
        Assert.Contains("canonicalDocument", ReportJson.Serialize(report), StringComparison.Ordinal);
    }

    private static async Task<VerificationReport> VerifyAsync(string credential, bool verbose = false)
    {
        await using var server = await LoopbackServer.StartAsync();
        var keyId = $"{Issuer}#{KeyMultibase}";
        server.MapJson(new Uri(Issuer).AbsolutePath, new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"),
            ["id"] = Issuer,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = keyId,
                ["type"] = "Multikey",
                ["controller"] = Issuer,
                ["publicKeyMultibase"] = KeyMultibase,
            }),
            ["assertionMethod"] = new JsonArray(keyId),
        }.ToJsonString());
        using var services = EngineFactory.Build(server, ["example.edu", "example.com", "purl.imsglobal.org"], configure: o => o.Contexts.Path = SharedFolder.Require("contexts"));
        return await services.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(credential), Verbose = verbose });
    }
}
