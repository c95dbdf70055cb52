using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.Reporting;

namespace Verifier.Benchmarks.OpenBadges2;

/// <summary>
/// Verify a baked PNG holding a signed OB 2.0 assertion whose BadgeClass, issuer, key and revocation list are
/// cached (served from memory by <see cref="DictionaryFetcher"/>), against a bare RS256 verification of the same
/// JWS with an already-imported key, measured in the same run.
/// Run: dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- --filter '*SignedBadgeBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class SignedBadgeBenchmarks
{
    private const string Origin = "https://issuer.example";
    private RSA _key = null!;
    private string _pem = null!;
    private string _jws = null!;
    private byte[] _png = null!;
    private byte[] _signingInput = null!;
    private byte[] _signature = null!;
    private BadgeVerifier _verifier = null!;
    private ServiceProvider _services = null!;
    private JsonWebTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;
    private string? _jwsProblem = "not set up";
    private string? _pngProblem = "not set up";
    private Dictionary<string, byte[]> _documents = null!;

    /// <summary>The signed assertion (for probes that bake it into other images).</summary>
    internal string Jws => _jws;

    /// <summary>The issuer's cached documents by URL (for probes that build their own engine).</summary>
    internal IReadOnlyDictionary<string, byte[]> Documents => _documents;

    [GlobalSetup]
    public void Setup()
    {
        _key = RSA.Create(2048);
        _pem = _key.ExportSubjectPublicKeyInfoPem();
        var assertion = new JsonObject
        {
            ["@context"] = "https://w3id.org/openbadges/v2",
            ["type"] = "Assertion",
            ["id"] = "urn:uuid:2a0c84ce-9b5e-4c59-a5b8-111111111111",
            ["recipient"] = new JsonObject { ["type"] = "email", ["hashed"] = true, ["salt"] = "deadsea", ["identity"] = "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942" },
            ["badge"] = Origin + "/badge.json",
            ["issuedOn"] = "2026-01-15T10:00:00Z",
            ["evidence"] = Origin + "/work.html",
            ["verification"] = new JsonObject { ["type"] = "SignedBadge", ["creator"] = Origin + "/key.json" },
        };
        var header = Base64Url.EncodeToString("""{"alg":"RS256"}"""u8);
        var body = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(assertion.ToJsonString()));
        _signingInput = Encoding.ASCII.GetBytes($"{header}.{body}");
        _signature = _key.SignData(_signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _jws = $"{header}.{body}.{Base64Url.EncodeToString(_signature)}";
        _png = BakedPng.Bake(_jws);

        var documents = _documents = new Dictionary<string, byte[]>
        {
            [Origin + "/badge.json"] = Json(new JsonObject
            {
                ["@context"] = "https://w3id.org/openbadges/v2", ["type"] = "BadgeClass", ["id"] = Origin + "/badge.json", ["name"] = "Robotics",
                ["description"] = "Built a robot.", ["image"] = Origin + "/badge.png", ["criteria"] = Origin + "/criteria.html", ["issuer"] = Origin + "/issuer.json",
            }),
            [Origin + "/issuer.json"] = Json(new JsonObject
            {
                ["@context"] = "https://w3id.org/openbadges/v2", ["type"] = "Issuer", ["id"] = Origin + "/issuer.json", ["name"] = "Example Issuer",
                ["url"] = Origin, ["email"] = "badges@issuer.example", ["publicKey"] = Origin + "/key.json", ["revocationList"] = Origin + "/revocations.json",
            }),
            [Origin + "/key.json"] = Json(new JsonObject
            {
                ["@context"] = "https://w3id.org/openbadges/v2", ["type"] = "CryptographicKey", ["id"] = Origin + "/key.json",
                ["owner"] = Origin + "/issuer.json", ["publicKeyPem"] = _pem,
            }),
            [Origin + "/revocations.json"] = Json(new JsonObject
            {
                ["@context"] = "https://w3id.org/openbadges/v2", ["type"] = "RevocationList", ["id"] = Origin + "/revocations.json",
                ["issuer"] = Origin + "/issuer.json", ["revokedAssertions"] = new JsonArray("urn:uuid:00000000-0000-0000-0000-000000000001"),
            }),
        };

        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDocumentFetcher>(new DictionaryFetcher(documents));
        services.AddVerifierEngine();
        _services = services.BuildServiceProvider();
        _verifier = _services.GetRequiredService<BadgeVerifier>();

        _handler = new JsonWebTokenHandler();
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(_key.ExportParameters(false)) { KeyId = "k" },
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = true,
        };

        // A benchmark of a failing path would be meaningless: refuse to measure an input that does not verify.
        _jwsProblem = Problem(Run(VerificationInput.FromText(_jws)));
        _pngProblem = Problem(Run(VerificationInput.FromBytes(_png)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _key.Dispose();
    }

    /// <summary>Baseline: RS256 over the JWS signing input with an already-imported key (the signature check alone).</summary>
    [Benchmark(Baseline = true)]
    public bool BareRs256() => _key.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The minimum any verifier does with the compact JWS: split it, decode the signature, RS256 with an imported key.</summary>
    [Benchmark]
    public bool BareJwsRs256()
    {
        var second = _jws.LastIndexOf('.');
        var signature = Base64Url.DecodeFromChars(_jws.AsSpan(second + 1));
        Span<byte> input = stackalloc byte[second];
        Encoding.ASCII.GetBytes(_jws.AsSpan(0, second), input);
        return _key.VerifyData(input, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The same JWS through IdentityModel's JsonWebTokenHandler (parse + signature), for comparison.</summary>
    [Benchmark]
    public bool JsonWebTokenHandlerRs256() => _handler.ValidateTokenAsync(_jws, _parameters).GetAwaiter().GetResult().IsValid;

    /// <summary>What caching parsed keys saves: import the PEM, then verify.</summary>
    [Benchmark]
    public bool PemImportPlusRs256()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(_pem);
        return rsa.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The whole engine on the compact JWS text.</summary>
    [Benchmark]
    public VerificationReport VerifyJws() => _jwsProblem is null
        ? Run(VerificationInput.FromText(_jws))
        : throw new InvalidOperationException(_jwsProblem);

    /// <summary>The whole engine on the baked PNG: unbake, parse, structure, keys, signature, revocation, dates, report.</summary>
    [Benchmark]
    public VerificationReport VerifyBakedPng() => _pngProblem is null
        ? Run(VerificationInput.FromBytes(_png))
        : throw new InvalidOperationException(_pngProblem);

    private VerificationReport Run(VerificationInput input) =>
        _verifier.VerifyAsync(new VerificationRequest { Input = input }).GetAwaiter().GetResult();

    private static string? Problem(VerificationReport report) => report.Valid
        ? null
        : "the benchmark input does not verify: " + string.Join("; ", report.Checks.Select(c => $"{c.Id} {c.Outcome} {c.Message}"));

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());
}
