using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Verifier.Core.Baking;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;

namespace Verifier.Benchmarks.OpenBadges3;

/// <summary>
/// A whole OB 3.0 VC-JWT verification through the engine (format sniffing, header rules, key from a warm cache,
/// signature, claims, structure, dates, summary) beside a bare IdentityModel validation of the same token.
/// The key URL is served by an in-memory fetcher and only fetched once: the key cache is warm for every measured call.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Ob3JwtBenchmarks
{
    private const string Kid = "https://issuer.example/keys/1";
    private readonly JsonWebTokenHandler _handler = new();
    private ServiceProvider _services = null!;
    private BadgeVerifier _engine = null!;
    private string _rsJwt = null!;
    private string _esJwt = null!;
    private byte[] _rsPng = null!;
    private byte[] _esPng = null!;
    private TokenValidationParameters _rsBare = null!;
    private TokenValidationParameters _esBare = null!;
    private RSA _rsa = null!;
    private ECDsa _ec = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rsa = RSA.Create(2048);
        _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rsaJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)));
        var ecJwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(_ec.ExportParameters(false))));
        var documents = new Dictionary<string, string>
        {
            [Kid] = Public(rsaJwk),
            ["https://issuer.example/keys/2"] = Public(ecJwk),
        };
        _rsJwt = Sign("RS256", Kid, data => _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        _esJwt = Sign("ES256", "https://issuer.example/keys/2", data => _ec.SignData(data, HashAlgorithmName.SHA256));
        _rsPng = Baked(_rsJwt);
        _esPng = Baked(_esJwt);
        rsaJwk.KeyId = Kid;
        ecJwk.KeyId = "https://issuer.example/keys/2";
        _rsBare = Bare(rsaJwk, "RS256");
        _esBare = Bare(ecJwk, "ES256");

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IDocumentFetcher>(new MemoryFetcher(documents));
        services.AddVerifierEngine();
        _services = services.BuildServiceProvider();
        _engine = _services.GetRequiredService<BadgeVerifier>();
        if (!EngineRs256().Result || !EngineEs256().Result || !BareRs256().Result || !BareEs256().Result || !PngRs256().Result || !PngEs256().Result)
        {
            throw new InvalidOperationException("a benchmark token does not verify");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _rsa.Dispose();
        _ec.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("RS256")]
    public async Task<bool> BareRs256() => (await _handler.ValidateTokenAsync(_rsJwt, _rsBare)).IsValid;

    [Benchmark, BenchmarkCategory("RS256")]
    public async Task<bool> EngineRs256() => (await _engine.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(_rsJwt) })).Valid;

    [Benchmark(Baseline = true), BenchmarkCategory("ES256")]
    public async Task<bool> BareEs256() => (await _handler.ValidateTokenAsync(_esJwt, _esBare)).IsValid;

    [Benchmark, BenchmarkCategory("ES256")]
    public async Task<bool> EngineEs256() => (await _engine.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(_esJwt) })).Valid;

    [Benchmark, BenchmarkCategory("RS256")]
    public async Task<bool> PngRs256() => (await _engine.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(_rsPng) })).Valid;

    [Benchmark, BenchmarkCategory("ES256")]
    public async Task<bool> PngEs256() => (await _engine.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(_esPng) })).Valid;

    /// <summary>A 16×16 PNG with the VC-JWT baked in an openbadgecredential iTXt chunk (OB 3.0 §5.3.2.1).</summary>
    private static byte[] Baked(string jwt)
    {
        using var image = new Image<Rgba32>(16, 16);
        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return PngBaker.Bake(png.ToArray(), jwt, PngBadgeReader.OpenBadgeCredentialKeyword);
    }

    private static TokenValidationParameters Bare(JsonWebKey key, string alg) => new()
    {
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        IssuerSigningKey = key,
        ValidAlgorithms = [alg],
    };

    private static string Public(JsonWebKey jwk) => jwk.Kty == "RSA"
        ? new JsonObject { ["kty"] = "RSA", ["n"] = jwk.N, ["e"] = jwk.E }.ToJsonString()
        : new JsonObject { ["kty"] = "EC", ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y }.ToJsonString();

    private static string Sign(string alg, string kid, Func<byte[], byte[]> sign)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "https://issuer.example/credentials/42",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = "https://issuer.example/issuers/1", ["type"] = new JsonArray("Profile"), ["name"] = "Example Issuer" },
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
            ["iss"] = "https://issuer.example/issuers/1",
            ["sub"] = "did:example:learner-1",
            ["jti"] = "https://issuer.example/credentials/42",
            ["nbf"] = 1704067200,
        };
        var input = B64(new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = kid }.ToJsonString()) + "." + B64(credential.ToJsonString());
        return input + "." + Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(input)));
    }

    private static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));

    /// <summary>Serves the key documents from memory: the benchmark measures verification, not a socket.</summary>
    private sealed class MemoryFetcher(Dictionary<string, string> documents) : IDocumentFetcher
    {
        public Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken cancellationToken) =>
            Task.FromResult(documents.TryGetValue(url.AbsoluteUri, out var body)
                ? new FetchResult(FetchStatus.Ok, url, url, 200, "application/json", Encoding.UTF8.GetBytes(body), null)
                : new FetchResult(FetchStatus.HttpError, url, url, 404, null, default, "HTTP 404"));
    }
}
