namespace Verifier.LinkedData.Contexts;

/// <summary>
/// The contexts the verifier accepts: URL → SHA-256 (lower-case hex) of the context document's JCS (RFC 8785)
/// canonical form. Several digests where a URL was published in more than one version: the OB 3.0.3 context was
/// edited in place upstream (endorsementJwt and jti added), so both its versions are accepted.
/// Computed from the published documents with <see cref="PinnedContextLoader.Digest"/>; a conformance test
/// recomputes them from ../shared/contexts. Digests are data: no context file is copied into the project.
/// </summary>
public static class PinnedContexts
{
    public static IReadOnlyDictionary<string, string[]> Default { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["https://openbadgespec.org/v2/context.json"] = ["4b5f71314b9fef23264b05bab6a03811e8fc1e5e7506b79b092aec91865e7e07"],
        ["https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"] = ["7defe702c102faf14108579b7d65ef39ecf4c3bbef925b803e15bd77cd6e3394"],
        ["https://purl.imsglobal.org/spec/clr/v2p0/context.json"] = ["a2dd0c0c07434663b7b54a51dd8a3363f6d5c420efa87e3d97b4ef8661596d44"],
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"] = ["8bb2354552b70cbdf2066f6d3e24bc5c2be2619145737580ad2aebdc366e77d5"],
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"] = ["bdd1d11a55a660322f24660862a1d430ee80cce584465f750909daa43684357c"],
        ["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"] = ["04b1136ddc4eda9a8966bc7ef182789f233a26739473140ef75d6968c29a2966", "c5e555a91a5cf48e32ae0a05674c61ddd5c053b680b5643b2f57f9965e386d99"],
        ["https://purl.imsglobal.org/spec/ob/v3p0/context.json"] = ["2c54acaa1cffda2420be32ab61f0a2082051211131c6337686f36f2537aa859b"],
        ["https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld"] = ["2c54acaa1cffda2420be32ab61f0a2082051211131c6337686f36f2537aa859b"],
        ["https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"] = ["15f4c347c6fe4380d9b6b93795859e33747ef48d5c55b91a71c52fb51c7bcbd7"],
        ["https://w3id.org/openbadges/extensions/applyLinkExtension/context.json"] = ["15c4aba81d7934c63a54061fc32cb9a2350f9be58541444d002b9d699fefafa8"],
        ["https://w3id.org/openbadges/extensions/exampleExtension/context.json"] = ["43387d0e77d482c2d5455cc342681a4ac65d4d729d4a91cafc542a8aa8090d5c"],
        ["https://w3id.org/openbadges/v1"] = ["b89b3e6b57d3ec343cded9bb0a1d0611ec77d91f4b81f0d50f124c94113c8356"],
        ["https://w3id.org/openbadges/v2"] = ["4b5f71314b9fef23264b05bab6a03811e8fc1e5e7506b79b092aec91865e7e07"],
        ["https://w3id.org/security/bbs/v1"] = ["2ec18c3e42eaf753b114404c5b995784e7f8eb92d16e9bc754a738183a89e91b"],
        ["https://w3id.org/security/data-integrity/v1"] = ["9505bf85338a4c2121ad03992ac90061bc85d43bcfa34d9d47b779381cf08b5f"],
        ["https://w3id.org/security/data-integrity/v2"] = ["7ba3c50acf2689d5e07927267343eb353249c7c22a9f2d00307cc970e855e305"],
        ["https://w3id.org/security/jwk/v1"] = ["38dd329a9a011facda06afc4ba43a121980eaedbd1f974268026d157926bc086"],
        ["https://w3id.org/security/multikey/v1"] = ["be20c3ee6af6e9c4102e66a85c26617831218e32216bdf050f870e389e737cdc"],
        ["https://w3id.org/security/suites/ed25519-2018/v1"] = ["b4cb4ede62cd5c1e98b54340bf9d5ae636e6ba6e92b6bffb50be3c12b473a2de"],
        ["https://w3id.org/security/suites/ed25519-2020/v1"] = ["fb517f09d990829aed734c9bad8cbbb2ac3d5063b865c7e3d81f246074bf5691"],
        ["https://w3id.org/security/suites/jws-2020/v1"] = ["eed16334842a5635257913b33acd1aeee29009eb188d855f9a1d0ceee4a8ae4d"],
        ["https://w3id.org/security/suites/secp256k1-2019/v1"] = ["9125f9365f562d895c1c8090d7860725f392d4872dff4ec559b48d8709d69564"],
        ["https://w3id.org/security/suites/x25519-2019/v1"] = ["226bc202c5f5fac752716b9ed838875155c22b789aa0259276cfd83d54a40d06"],
        ["https://w3id.org/security/v1"] = ["d87de2ce3ce407bcac481f8af31e211e54beb5cbd7dd459826ed0502302ee234"],
        ["https://w3id.org/security/v2"] = ["38a9ef19cf3a75bf856202bd1ed4cbd55c985ad4a809eb7f4ef584ba9d51dc90"],
        ["https://w3id.org/security/v3"] = ["852581317755217b033c387b4ac01c8d44982e37fcdd6ebfa5aae07c5b207100"],
        ["https://w3id.org/vc/status-list/2021/v1"] = ["9768f9aa81ab6c3e2ad96b2d669eaba67afe13fff0140a853f1e3d313fab13b6"],
        ["https://www.w3.org/2018/credentials/examples/v1"] = ["5bca9da34aefb4c5e0cd993e222e58827734e0928fda0210ee73413c43d6e5e5"],
        ["https://www.w3.org/2018/credentials/v1"] = ["b01e671e873981f19a9102a9a57f666dbcaeb31b99e3e124378d143e71549247"],
        ["https://www.w3.org/ns/credentials/examples/v2"] = ["8a675bead391be98e6054c4e07c41f73337508d398e07047344c5d349aa2dc58"],
        ["https://www.w3.org/ns/credentials/status/v1"] = ["b2fcebfbaf4e6beae2be370fda8a5f9f99c28540c798a75a8cdccc0fb1a12492"],
        ["https://www.w3.org/ns/credentials/v2"] = ["b463c8d6a066214123ddd9827b135e1b50e1fc73322cc52a9b12a4f1fc7d86cf"],
        ["https://www.w3.org/ns/did/v1"] = ["a7e146c40fcec005d3f0f14ae745665f446da58d7914a9d8f733746686fad82b"],
        ["https://www.w3.org/ns/odrl.jsonld"] = ["c9b3bbb66a340349a8b126f464287e139570ae46d40d89362733196babb1c9c6"],
    };
}
