using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;
using SimpleBase;
using Verifier.Benchmarks.OpenBadges2;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.Registries;
using Verifier.Core.Reporting;

namespace Verifier.Benchmarks.Registries;

/// <summary>
/// What issuer registries add to a verification whose registry documents are cached (issue 11: under 5%): the same
/// OB 3.0 VC-JWT (EdDSA, did:key issuer) verified by an engine with no registry and by one with four — two
/// dcc-legacy documents, an OpenID Federation anchor (entity configuration and a subordinate statement, both ES256)
/// and a local list — all answered from memory as a warm document cache would (the same bytes on every hit).
/// Run: dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- --filter '*RegistryLookupBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class RegistryLookupBenchmarks
{
    private const string Anchor = "https://anchor.example";
    private ServiceProvider _none = null!;
    private ServiceProvider _four = null!;
    private BadgeVerifier _noRegistries = null!;
    private BadgeVerifier _fourRegistries = null!;
    private string _jwt = null!;
    private string _did = null!;
    private IssuerRegistryCheck _check = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var multibase = "z" + Base58.Bitcoin.Encode([0xed, 0x01, .. key.PublicKey.Export(KeyBlobFormat.RawPublicKey)]);
        var did = _did = "did:key:" + multibase;
        _jwt = Credential(key, did, did + "#" + multibase);

        using var anchorKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        var documents = new Dictionary<string, byte[]>
        {
            ["https://registry.example/a.json"] = Legacy(("did:key:z6MkSomeoneElse", "Someone Else")),
            ["https://registry.example/b.json"] = Legacy((did, "Benchmark College"), ("did:key:z6MkOther", "Other")),
            [Anchor + "/.well-known/openid-federation"] = Encoding.UTF8.GetBytes(EntityConfiguration(anchorKey, now)),
            [Anchor + "/fetch?sub=" + Uri.EscapeDataString(did)] = Encoding.UTF8.GetBytes(Statement(anchorKey, did, now)),
        };
        _none = Build(documents, []);
        _four = Build(documents,
        [
            new() { Name = "Federation", Type = "oidf", TrustAnchor = Anchor },
            new() { Name = "Legacy A", Type = "dcc-legacy", Url = "https://registry.example/a.json" },
            new() { Name = "Legacy B", Type = "dcc-legacy", Url = "https://registry.example/b.json" },
            new() { Name = "Ours", Type = "local", Entries = [new() { Id = "did:key:z6MkPartner", Name = "Partner" }] },
        ]);
        _noRegistries = _none.GetRequiredService<BadgeVerifier>();
        _fourRegistries = _four.GetRequiredService<BadgeVerifier>();
        _check = _four.GetRequiredService<IssuerRegistryCheck>();

        var plain = Run(_noRegistries);
        var known = Run(_fourRegistries);
        if (plain.Outcome != VerificationOutcome.Valid || known.Outcome != VerificationOutcome.Valid || known.Issuer?.KnownIn is not { Count: 2 })
        {
            throw new InvalidOperationException("the benchmark credential does not verify, or is not known in the Federation and Legacy B");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _none.Dispose();
        _four.Dispose();
    }

    [Benchmark(Baseline = true)]
    public VerificationOutcome NoRegistries() => Run(_noRegistries).Outcome;

    [Benchmark]
    public VerificationOutcome FourCachedRegistries() => Run(_fourRegistries).Outcome;

    /// <summary>The registry step alone (what FourCachedRegistries adds), for a figure less exposed to the noise of a loaded machine.</summary>
    [Benchmark]
    public int RegistryCheckAlone()
    {
        var context = new VerificationContext(new VerificationRequest { Input = VerificationInput.FromText(_jwt) }, new VerifierOptions(), DateTimeOffset.UnixEpoch)
        {
            Issuer = new IssuerInfo { Id = _did, Verified = true, VerifiedBy = IssuerProofs.DidKeyIssuer },
        };
        _check.RunAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        return context.Issuer.KnownIn!.Count;
    }

    private VerificationReport Run(BadgeVerifier verifier) =>
        verifier.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(_jwt) }).GetAwaiter().GetResult();

    private static ServiceProvider Build(Dictionary<string, byte[]> documents, List<IssuerRegistryOptions> registries)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IDocumentFetcher>(new DictionaryFetcher(documents));
        services.AddVerifierEngine();
        services.Configure<VerifierOptions>(o => o.Registries = registries);
        return services.BuildServiceProvider();
    }

    private static string Credential(Key key, string did, string kid)
    {
        var payload = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "https://issuer.example/credentials/42",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = did, ["type"] = new JsonArray("Profile"), ["name"] = "Benchmark College" },
            ["name"] = "Teamwork",
            ["validFrom"] = "2024-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "did:example:learner-1",
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = new JsonObject
                {
                    ["id"] = "https://issuer.example/achievements/teamwork",
                    ["type"] = new JsonArray("Achievement"),
                    ["name"] = "Teamwork",
                    ["description"] = "Works well in a team.",
                    ["criteria"] = new JsonObject { ["narrative"] = "Nominated by peers." },
                },
            },
            ["iss"] = did,
            ["sub"] = "did:example:learner-1",
            ["jti"] = "https://issuer.example/credentials/42",
            ["nbf"] = 1704067200,
        };
        var input = B64(new JsonObject { ["alg"] = "EdDSA", ["typ"] = "JWT", ["kid"] = kid }) + "." + B64(payload);
        return input + "." + Base64UrlEncoder.Encode(SignatureAlgorithm.Ed25519.Sign(key, Encoding.ASCII.GetBytes(input)));
    }

    private static byte[] Legacy(params (string Did, string Name)[] entries)
    {
        var registry = new JsonObject();
        foreach (var (id, name) in entries)
        {
            registry[id] = new JsonObject { ["name"] = name, ["url"] = "https://college.example" };
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["meta"] = new JsonObject(), ["registry"] = registry }.ToJsonString());
    }

    private static string EntityConfiguration(ECDsa key, DateTimeOffset now)
    {
        var p = key.ExportParameters(false);
        return EntityStatement(key, new JsonObject
        {
            ["iss"] = Anchor,
            ["sub"] = Anchor,
            ["iat"] = now.AddHours(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddDays(1).ToUnixTimeSeconds(),
            ["jwks"] = new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["kid"] = "k1", ["x"] = Base64UrlEncoder.Encode(p.Q.X!), ["y"] = Base64UrlEncoder.Encode(p.Q.Y!) }),
            },
            ["metadata"] = new JsonObject { ["federation_entity"] = new JsonObject { ["federation_fetch_endpoint"] = Anchor + "/fetch" } },
        });
    }

    private static string Statement(ECDsa key, string did, DateTimeOffset now) => EntityStatement(key, new JsonObject
    {
        ["iss"] = Anchor,
        ["sub"] = did,
        ["iat"] = now.AddHours(-1).ToUnixTimeSeconds(),
        ["exp"] = now.AddDays(1).ToUnixTimeSeconds(),
        ["metadata"] = new JsonObject { ["federation_entity"] = new JsonObject { ["organization_name"] = "Benchmark College", ["homepage_uri"] = "https://college.example" } },
    });

    private static string EntityStatement(ECDsa key, JsonObject payload)
    {
        var input = B64(new JsonObject { ["alg"] = "ES256", ["typ"] = "entity-statement+jwt", ["kid"] = "k1" }) + "." + B64(payload);
        return input + "." + Base64UrlEncoder.Encode(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256));
    }

    private static string B64(JsonNode node) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
