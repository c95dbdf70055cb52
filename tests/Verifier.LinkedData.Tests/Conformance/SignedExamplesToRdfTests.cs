using System.Text.Json.Nodes;

namespace Verifier.LinkedData.Tests.Conformance;

/// <summary>
/// The signed OB 3.0 / CLR 2.0 spec examples and the vc-di-eddsa vectors: toRdf of the document (proof removed) and of
/// the proof configuration, in safe mode with pinned contexts from ../shared/contexts, equals the published
/// canonical N-Quads up to blank node labels.
/// </summary>
[Trait("Category", "Conformance")]
public class SignedExamplesToRdfTests
{
    private static readonly JsonLdOptions Safe = new() { SafeMode = true };

    public static TheoryData<string, string, string> Documents => new()
    {
        { "vectors/ob3-spec/obv3p0-eddsa-rdfc-2022-signed.json", "vectors/ob3-spec/obv3p0-document-canon.nq", "vectors/ob3-spec/obv3p0-proof-canon.nq" },
        { "vectors/ob3-spec/clrv2p0-eddsa-rdfc-2022-signed.json", "vectors/ob3-spec/clrv2p0-document-canon.nq", "vectors/ob3-spec/clrv2p0-proof-canon.nq" },
        { "vectors/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json", "vectors/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/canonDocDataInt.txt", "vectors/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/proofCanonDataInt.txt" },
        { "vectors/vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json", "vectors/vc-di-eddsa/TestVectors/Ed25519Signature2020/canonDocEdSig.txt", "vectors/vc-di-eddsa/TestVectors/Ed25519Signature2020/proofCanonEdSig.txt" },
    };

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public async Task ToRdf_SignedExample_MatchesPublishedCanonicalNQuads(string signed, string documentCanon, string proofCanon)
    {
        var signedPath = SharedFolder.Require(signed);
        var processor = new JsonLdProcessor(new PinnedContextLoader(FolderContextLoader.Open(SharedFolder.Require("contexts")), PinnedContexts.Default));
        var credential = JsonNode.Parse(File.ReadAllText(signedPath))!.AsObject();
        var proofNode = credential["proof"]!;
        var proof = (proofNode is JsonArray proofs ? proofs[0]! : proofNode).DeepClone().AsObject();
        credential.Remove("proof");
        proof.Remove("proofValue");
        proof["@context"] = credential["@context"]!.DeepClone();

        using var doc = JsonDocument.Parse(credential.ToJsonString());
        using var proofDoc = JsonDocument.Parse(proof.ToJsonString());
        var documentRdf = await processor.ToRdfAsync(doc.RootElement, Safe);
        var proofRdf = await processor.ToRdfAsync(proofDoc.RootElement, Safe);

        Ld.AssertIsomorphic(File.ReadAllText(SharedFolder.Require(documentCanon)), documentRdf);
        Ld.AssertIsomorphic(File.ReadAllText(SharedFolder.Require(proofCanon)), proofRdf);
    }
}
