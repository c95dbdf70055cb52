using Verifier.Core.Tests.Proofs;
using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.JsonLd;

namespace Verifier.Core.Tests.Conformance;

/// <summary>
/// Signed examples verified through the real JSON-LD processor (contexts from ../shared/contexts): the OB 3.0 and
/// CLR 2.0 spec examples (canonical forms compared with the published ones, and every signed value changed in turn
/// must break the proof) and the vc-di-eddsa signed credentials.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class DataIntegrityEndToEndTests(ITestOutputHelper output)
{
    private const string SpecKeyHex = "4bdeafde2ea8beefadd8c699b5c7e0704cf51154d52e17b20b71337ca04cc5a5";
    private static readonly Lazy<JsonLdLinkedDataConverter?> Converter = new(() =>
        SharedFolder.Path is { } shared ? new JsonLdLinkedDataConverter(new JsonLdProcessor(new PinnedContextLoader(FolderContextLoader.Open(Path.Combine(shared, "contexts")), PinnedContexts.Default))) : null);

    [SkippableTheory]
    [InlineData("obv3p0")]
    [InlineData("clrv2p0")]
    public async Task SpecExample_Verifies_WithPublishedCanonicalForms(string name)
    {
        var folder = SharedFolder.Require("vectors/ob3-spec");
        var signed = Load(Path.Combine(folder, $"{name}-eddsa-rdfc-2022-signed.json"));

        var (outcome, checks) = await VerifyAsync(signed, verbose: true);

        var details = Assert.Single(checks, c => c.Id == ProofCheckIds.DataIntegrity).Details!;
        Assert.True(outcome.AnyValid, checks[^1].Message);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, $"{name}-document-canon.nq")), details["canonicalDocument"]);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, $"{name}-proof-canon.nq")), details["canonicalProofConfiguration"]);
    }

    [SkippableTheory]
    [InlineData("obv3p0")]
    [InlineData("clrv2p0")]
    public async Task SpecExample_AnySignedValueChanged_Fails(string name)
    {
        var folder = SharedFolder.Require("vectors/ob3-spec");
        var original = Load(Path.Combine(folder, $"{name}-eddsa-rdfc-2022-signed.json"));
        var changed = 0;
        foreach (var path in StringLeaves(original, []))
        {
            if (path[^1] is "proofValue" or "@context" || path.Contains("@context"))
            {
                continue;
            }

            var tampered = original.DeepClone().AsObject();
            Set(tampered, path, "tampered");
            var (outcome, checks) = await VerifyAsync(tampered);
            Assert.False(outcome.AnyValid, $"changing {string.Join('.', path)} left the proof valid");
            Assert.Equal(VerificationOutcome.Invalid, CheckCollector.Decide(checks));
            changed++;
        }

        output.WriteLine($"{name}: {changed} signed values changed one at a time, each broke the proof");
        Assert.True(changed >= 10);
    }

    [SkippableTheory]
    [InlineData("eddsa-rdfc-2022/signedDataInt.json")]
    [InlineData("eddsa-jcs-2022/signedJCS.json")]
    [InlineData("Ed25519Signature2020/signedEdSig.json")]
    public async Task VcDiEddsaSigned_Verifies(string file)
    {
        var root = SharedFolder.Require("vectors/vc-di-eddsa/TestVectors");
        var signed = Load(Path.Combine(root, file));

        var (outcome, checks) = await VerifyAsync(signed);

        Assert.True(outcome.AnyValid, string.Join("; ", checks.Select(c => c.Message)));
    }

    [SkippableTheory]
    [InlineData("signedProofSet1.json", 1)]
    [InlineData("signedProofSet2.json", 2)]
    [InlineData("signedProofChain1.json", 3)]
    [InlineData("signedProofChain2.json", 4)]
    public async Task VcDiEddsaProofSet_EveryProofVerifies(string file, int proofs)
    {
        var root = SharedFolder.Require("vectors/vc-di-eddsa/TestVectors/proof-set-chain");
        using var pairs = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "multiKeyPairs.json")));
        using var keys = new TestKeys();
        foreach (var pair in pairs.RootElement.EnumerateObject())
        {
            var multibase = pair.Value.GetProperty("publicKeyMultibase").GetString()!;
            keys.AddRaw($"did:key:{multibase}#{multibase}", KeyKind.Ed25519, DataIntegrityConformanceTests.DecodeEd25519Multikey(multibase));
        }

        var verifier = new DataIntegrityProofVerifier(keys, TestBinder.Offline, Converter.Value!);
        var context = new VerificationContext(new VerificationRequest { Input = VerificationInput.FromText("{}") }, new VerifierOptions(), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var outcome = await verifier.VerifyAsync(ProofSigner.ToElement(Load(Path.Combine(root, file))), null, context, CancellationToken.None);

        Assert.True(outcome.AnyValid);
        var reported = context.Checks.Snapshot().Where(c => c.Id == ProofCheckIds.DataIntegrity).ToList();
        Assert.Equal(proofs, reported.Count);
        Assert.All(reported, c => Assert.Equal(CheckOutcome.Passed, c.Outcome));
    }

    private static async Task<(EmbeddedProofOutcome Outcome, IReadOnlyList<CheckResult> Checks)> VerifyAsync(JsonObject credential, bool verbose = false)
    {
        using var keys = new TestKeys();
        var key = Convert.FromHexString(SpecKeyHex);
        var vectorKey = DataIntegrityConformanceTests.DecodeEd25519Multikey("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        foreach (var proof in credential["proof"] is JsonArray set ? set : new JsonArray(credential["proof"]!.DeepClone()))
        {
            var vm = proof!["verificationMethod"]!.GetValue<string>();
            keys.AddRaw(vm, KeyKind.Ed25519, vm.Contains("z6MkrJVnaZ", StringComparison.Ordinal) ? vectorKey : key);
        }

        var verifier = new DataIntegrityProofVerifier(keys, TestBinder.Offline, Converter.Value!);
        var context = new VerificationContext(new VerificationRequest { Input = VerificationInput.FromText("{}"), Verbose = verbose }, new VerifierOptions(), new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var issuer = credential["issuer"] is JsonObject o ? o["id"]?.GetValue<string>() : credential["issuer"]?.GetValue<string>();
        var outcome = await verifier.VerifyAsync(ProofSigner.ToElement(credential), issuer, context, CancellationToken.None);
        return (outcome, context.Checks.Snapshot());
    }

    private static JsonObject Load(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    private static IEnumerable<List<object>> StringLeaves(JsonNode node, List<object> path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (k, v) in obj)
                {
                    foreach (var leaf in StringLeaves(v!, [.. path, k]))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray arr:
                for (var i = 0; i < arr.Count; i++)
                {
                    foreach (var leaf in StringLeaves(arr[i]!, [.. path, i]))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValue when node.GetValueKind() == JsonValueKind.String:
                yield return path;
                break;
        }
    }

    private static void Set(JsonNode root, List<object> path, string value)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = step is int i ? parent[i]! : parent[(string)step]!;
        }

        if (path[^1] is int index)
        {
            parent[index] = $"{parent[index]!.GetValue<string>()}-{value}";
        }
        else
        {
            parent[(string)path[^1]] = $"{parent[(string)path[^1]]!.GetValue<string>()}-{value}";
        }
    }
}
