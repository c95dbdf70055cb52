using SimpleBase;
using Verifier.Core.Crypto;
using Verifier.Core.Proofs.Suites;
using Verifier.LinkedData.Jcs;
using Verifier.LinkedData.Rdf;
using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Core.Tests.Conformance;

/// <summary>
/// The vc-di-eddsa test vectors (../shared/vectors/vc-di-eddsa), step by step: proof configuration, canonical forms,
/// hashes, combined hash and the published signature under the published key.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class DataIntegrityConformanceTests(ITestOutputHelper output)
{
    private const string Vectors = "vectors/vc-di-eddsa/TestVectors";

    // (folder, file suffix, is RDFC) — the three suites of the vectors, plus the second eddsa-rdfc-2022 example.
    private static readonly (string Folder, string Suffix, bool Rdfc)[] Suites =
    [
        ("eddsa-rdfc-2022", "DataInt", true),
        ("eddsa-rdfc-2022/employ", "DataInt", true),
        ("Ed25519Signature2020", "EdSig", true),
        ("eddsa-jcs-2022", "JCS", false),
    ];

    // Committed floor: every step of every suite (6 steps × 3 RDFC suites + 6 steps for JCS).
    private const int StepFloor = 24;

    [SkippableFact]
    public void VcDiEddsaVectors_EveryStep_Matches()
    {
        var root = SharedFolder.Require(Vectors);
        var publicKey = DecodeEd25519Multikey(JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "keyPair.json"))).RootElement.GetProperty("publicKeyMultibase").GetString()!);
        var passed = 0;
        var failures = new List<string>();
        foreach (var (folder, suffix, rdfc) in Suites)
        {
            string Read(string name) => File.ReadAllText(Path.Combine(root, folder, name + suffix + (name.StartsWith("proofConfig", StringComparison.Ordinal) || name.StartsWith("signed", StringComparison.Ordinal) ? ".json" : ".txt"))).Trim();
            void Step(string name, bool ok)
            {
                if (ok)
                {
                    passed++;
                }
                else
                {
                    failures.Add($"{folder}: {name}");
                }
            }

            using var signed = JsonDocument.Parse(Read("signed"));
            using var expectedConfig = JsonDocument.Parse(Read("proofConfig"));
            var config = ProofDocuments.ProofConfig(signed.RootElement, signed.RootElement.GetProperty("proof"), out _);
            Step("proof configuration", config is { } c && JsonElement.DeepEquals(c, expectedConfig.RootElement));

            if (!rdfc)
            {
                Step("JCS proof configuration", JsonCanonicalizer.Canonicalize(config!.Value) == Read("proofCanon"));
                Step("JCS document", JsonCanonicalizer.Canonicalize(ProofDocuments.Unsecured(signed.RootElement)) == Read("canonDoc"));
            }

            var canonDoc = File.ReadAllText(Path.Combine(root, folder, "canonDoc" + suffix + ".txt"));
            var proofCanon = File.ReadAllText(Path.Combine(root, folder, "proofCanon" + suffix + ".txt"));
            if (rdfc)
            {
                // The published canonical forms are fixed points of RDFC-1.0 and of our N-Quads serializer.
                Step("canonical document", Rdfc10.Canonicalize(NQuadsParser.Parse(canonDoc)).NQuads == canonDoc);
                Step("canonical proof configuration", Rdfc10.Canonicalize(NQuadsParser.Parse(proofCanon)).NQuads == proofCanon);
            }

            var docHash = SHA256.HashData(Encoding.UTF8.GetBytes(canonDoc));
            var proofHash = SHA256.HashData(Encoding.UTF8.GetBytes(proofCanon));
            Step("document hash", Convert.ToHexStringLower(docHash) == Read("docHash"));
            Step("proof hash", Convert.ToHexStringLower(proofHash) == Read("proofHash"));
            byte[] combined = [.. proofHash, .. docHash];
            var proofValue = signed.RootElement.GetProperty("proof").GetProperty("proofValue").GetString()!;
            var signature = Base58.Bitcoin.Decode(proofValue.AsSpan(1));
            Step("combined hash + signature", Convert.ToHexStringLower(combined) == Read("combinedHash")
                && Convert.ToHexStringLower(signature) == Read("sigHex")
                && Ed25519Verifier.Verify(publicKey, combined, signature));
        }

        output.WriteLine($"vc-di-eddsa vectors: {passed} steps passed, {failures.Count} failed");
        failures.ForEach(output.WriteLine);
        Assert.True(passed >= StepFloor, $"{passed} < floor {StepFloor}: {string.Join("; ", failures)}");
    }

    /// <summary>did:key / Multikey Ed25519: base58btc of the multicodec prefix 0xed 0x01 and the 32-byte key.</summary>
    internal static byte[] DecodeEd25519Multikey(string multibase)
    {
        var bytes = Base58.Bitcoin.Decode(multibase.AsSpan(1));
        Assert.Equal([0xed, 0x01], bytes[..2]);
        return bytes[2..];
    }
}
