using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;
using Verifier.Core.Engine;
using Verifier.Core.Input;
using Verifier.Core.Keys;
using Verifier.Core.Proofs;
using Verifier.Core.Trust;
using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.JsonLd;
using Verifier.LinkedData.Rdf;
using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Benchmarks.Proofs;

/// <summary>
/// Verifying the OB 3.0 spec example (eddsa-rdfc-2022, ../shared/vectors/ob3-spec) with warm pinned contexts, against a
/// bare Ed25519 verification in the same run (the floor no Data Integrity verifier can beat), plus its stages.
/// Run: dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- --filter '*ProofVerificationBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class ProofVerificationBenchmarks
{
    private const string SpecKeyHex = "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5";
    private JsonDocument _credential = null!;
    private DataIntegrityProofVerifier _verifier = null!;
    private JsonLdProcessor _processor = null!;
    private PublicKey _publicKey = null!;
    private byte[] _hashData = [];
    private byte[] _signature = [];
    private RdfDataset _dataset = new();
    private JsonElement _unsecured;
    private const string Issuer = "https://example.edu/issuers/565049";
    private readonly VerifierOptions _options = new();
    private readonly Verifier.Core.Caching.EngineCache _cache = new(Microsoft.Extensions.Options.Options.Create(new VerifierOptions()), TimeProvider.System);

    [GlobalSetup]
    public void Setup()
    {
        var shared = Shared.Locate();
        _credential = JsonDocument.Parse(File.ReadAllText(Path.Combine(shared, "vectors/ob3-spec/obv3p0-eddsa-rdfc-2022-signed.json")));
        var node = System.Text.Json.Nodes.JsonNode.Parse(_credential.RootElement.GetRawText())!.AsObject();
        node.Remove("proof");
        _unsecured = JsonSerializer.SerializeToElement(node);
        _processor = new JsonLdProcessor(new PinnedContextLoader(FolderContextLoader.Open(Path.Combine(shared, "contexts")), PinnedContexts.Default));
        var key = Convert.FromHexString(SpecKeyHex);
        // The issuer's document, as a warm document cache would answer it, lists the proof's verification method: the
        // binding to the issuer (docs/security.md rule 3) is part of what a verification costs.
        var method = _credential.RootElement.GetProperty("proof").GetProperty("verificationMethod").GetString()!;
        var issuerDocument = System.Text.Encoding.UTF8.GetBytes($$"""{"id":"{{Issuer}}","assertionMethod":["{{method}}"]}""");
        // As in the engine, the issuer's key list is read once per cache lifetime (Trust/IssuerDocuments).
        var documents = new IssuerDocuments(new OpenBadges2.DictionaryFetcher(new Dictionary<string, byte[]> { [Issuer] = issuerDocument }), _cache);
        var fixedKey = new FixedKey(key);
        var binder = new IssuerKeyBinder(documents, fixedKey);
        _verifier = new DataIntegrityProofVerifier(fixedKey, binder, new JsonLdLinkedDataConverter(_processor));
        if (!Verify())
        {
            throw new InvalidOperationException("the spec example did not verify");
        }

        // The bare baseline: one Ed25519 verification of a 64-byte hashData, as the suite does at its end.
        using var signing = Key.Create(SignatureAlgorithm.Ed25519);
        _publicKey = signing.PublicKey;
        _hashData = new byte[64];
        _signature = SignatureAlgorithm.Ed25519.Sign(signing, _hashData);
        _dataset = _processor.ToRdfAsync(Unsecured()).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public bool BareEd25519() => SignatureAlgorithm.Ed25519.Verify(_publicKey, _hashData, _signature);

    [Benchmark]
    public bool VerifyObSpecExample() => Verify();

    [Benchmark]
    public int ToRdfDocument() => _processor.ToRdfAsync(Unsecured()).AsTask().GetAwaiter().GetResult().Quads.Count;

    [Benchmark]
    public string? CanonicalizeDocument() => Rdfc10.Canonicalize(_dataset).NQuads;

    private JsonElement Unsecured() => _unsecured;

    private bool Verify()
    {
        var context = new VerificationContext(new VerificationRequest { Input = VerificationInput.FromText("{}") }, _options, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var outcome = _verifier.VerifyAsync(_credential.RootElement, Issuer, context, CancellationToken.None).GetAwaiter().GetResult();
        return outcome.AnyValid && outcome.IssuerKeyBound == true;
    }

    private sealed class FixedKey(byte[] key) : IKeyResolver
    {
        public Task<KeyResolution> ResolveAsync(string keyId, CancellationToken cancellationToken) =>
            Task.FromResult(new KeyResolution(KeyResolutionStatus.Resolved, new ResolvedKey { Id = keyId, Kind = KeyKind.Ed25519, Jwk = new JsonWebKey(), PublicKeyBytes = key }, null));
    }
}

/// <summary>../shared beside the repository (benchmarks run from a generated folder below it).</summary>
internal static class Shared
{
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verifier.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                if (Directory.Exists(shared))
                {
                    return shared;
                }
            }
        }

        throw new DirectoryNotFoundException("../shared (reference vectors and contexts) is needed for this benchmark");
    }
}
