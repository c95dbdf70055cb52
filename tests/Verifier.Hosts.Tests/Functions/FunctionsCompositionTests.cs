using System.Net;
using System.Security.Cryptography;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using OpenTelemetry.Trace;
using SimpleBase;
using Verifier.Core.Engine;
using Verifier.Core.Engine.Settings;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.Proofs;
using Verifier.Core.Reporting;
using Verifier.Functions;
using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Hosts.Tests.Functions;

/// <summary>
/// The Functions app's composition root (what Program.cs registers), built without the Functions host: settings,
/// telemetry registration, and verification with the contexts the package carries while the network is refused.
/// </summary>
public sealed class FunctionsCompositionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, IHostResolver? resolver = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        if (resolver is not null)
        {
            services.AddSingleton(resolver);
        }

        return services.AddVerifierFunctions(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task VerifyAsync_DataIntegrityProofWithNetworkRefused_PassesFromThePackagedContexts()
    {
        var resolver = new RefusingResolver();
        using var services = Build([], resolver);
        var credential = await SignedCredentialAsync(services);

        var report = await services.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(credential) });

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "contexts"), PinnedContextsFolder.Resolve(services.GetRequiredService<IOptions<VerifierOptions>>().Value));
        Assert.Contains(report.Checks, c => c.Id == ProofCheckIds.DataIntegrity && c.Outcome == CheckOutcome.Passed);
        Assert.Equal("eddsa-rdfc-2022", report.Verification?.Algorithm);
        Assert.Equal(0, resolver.Lookups);
    }

    [Fact]
    public void AddVerifierFunctions_ConnectionString_ExportsToAzureMonitorWithEntraId()
    {
        using var services = Build(new()
        {
            [FunctionsComposition.ConnectionStringSetting] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://ingest.invalid/",
            ["AZURE_CLIENT_ID"] = "11111111-1111-1111-1111-111111111111",
        });

        var options = services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);

        Assert.IsType<DefaultAzureCredential>(options.Credential);
        Assert.NotNull(services.GetService<TracerProvider>());
    }

    [Fact]
    public void AddVerifierFunctions_NoConnectionString_StillTracesWithoutAnExporter()
    {
        using var services = Build([]);

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.Null(services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName).Credential);
    }

    [Theory]
    [InlineData("Verifier:RequestDeadline", "0")]
    [InlineData("Verifier:Http:MaxBodyBytes", "10")]
    [InlineData("Verifier:Http:AllowedOrigins:0", "https://displayer.example/path")]
    [InlineData("Verifier:Cache:ContainerName", "Not_A_Container")]
    public void AddVerifierFunctions_WrongSetting_StartupValidationNamesIt(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var e = Assert.ThrowsAny<Exception>(services.ValidateSettingsNow);

        Assert.Contains(SettingsRegistration.Describe(e), line => line.Contains(key, StringComparison.Ordinal));
    }

    /// <summary>An OB 3.0 credential from a did:key issuer, signed with eddsa-rdfc-2022 over the engine's own RDF.</summary>
    private static async Task<string> SignedCredentialAsync(IServiceProvider services)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var multibase = "z" + Base58.Bitcoin.Encode([0xed, 0x01, .. key.PublicKey.Export(KeyBlobFormat.RawPublicKey)]);
        var did = "did:key:" + multibase;
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "urn:uuid:8a1a3a52-9f4d-4a55-9d0e-7a1b2c3d4e5f",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = did, ["type"] = new JsonArray("Profile"), ["name"] = "Example Issuer" },
            ["validFrom"] = "2026-01-01T00:00:00Z",
            ["name"] = "Robotics",
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = new JsonObject
                {
                    ["id"] = "urn:uuid:0b6e1f0c-4a5e-4a63-a3c5-2a4b6c8d0e1f",
                    ["type"] = new JsonArray("Achievement"),
                    ["name"] = "Robotics",
                    ["description"] = "Built a robot.",
                    ["criteria"] = new JsonObject { ["narrative"] = "Build a robot." },
                },
            },
        };
        var proof = new JsonObject
        {
            ["type"] = "DataIntegrityProof",
            ["cryptosuite"] = "eddsa-rdfc-2022",
            ["created"] = "2026-01-01T00:00:00Z",
            ["verificationMethod"] = $"{did}#{multibase}",
            ["proofPurpose"] = "assertionMethod",
        };
        var config = (JsonObject)proof.DeepClone();
        config["@context"] = credential["@context"]!.DeepClone();
        var converter = services.GetRequiredService<ILinkedDataConverter>();
        byte[] hashData = [.. await HashAsync(converter, config), .. await HashAsync(converter, credential)];
        proof["proofValue"] = "z" + Base58.Bitcoin.Encode(SignatureAlgorithm.Ed25519.Sign(key, hashData));
        credential["proof"] = proof;
        return credential.ToJsonString();
    }

    private static async Task<byte[]> HashAsync(ILinkedDataConverter converter, JsonObject json)
    {
        var rdf = await converter.ToRdfAsync(JsonSerializer.SerializeToElement(json), CancellationToken.None);
        Assert.True(rdf.Dataset is not null, rdf.Error);
        return SHA256.HashData(Encoding.UTF8.GetBytes(Rdfc10.Canonicalize(rdf.Dataset!).NQuads!));
    }

    /// <summary>No name resolves to anything but a refused address, and every lookup is counted.</summary>
    private sealed class RefusingResolver : IHostResolver
    {
        private int _lookups;

        public int Lookups => Volatile.Read(ref _lookups);

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _lookups);
            return Task.FromResult(new[] { IPAddress.Parse("10.255.255.1") });
        }
    }
}
