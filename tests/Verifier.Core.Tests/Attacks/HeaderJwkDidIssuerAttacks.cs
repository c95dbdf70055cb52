using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 3 for a VC-JWT whose key travels in the jwk header while its issuer is a DID: the header key is the issuer's
/// only when it is that did:key / did:jwk's own key, or a key the did:web issuer's DID document (fetched from the DID's
/// own URL) lists under assertionMethod. A forger's header key under the real issuer's DID is never bound, in any
/// policy that asks for binding; the genuine twins are bound at document level.
/// </summary>
public sealed class HeaderJwkDidIssuerAttacks
{
    /// <summary>Every key type each method can hold: did:key (Ed25519, P-256, secp256k1; EBSI's jwk_jcs-pub form), did:jwk (also RSA).</summary>
    public static TheoryData<string, string> MethodsAndKeys => new()
    {
        { "did:key", "EdDSA" }, { "did:key", "ES256" }, { "did:key", "ES256K" },
        { "did:jwk", "EdDSA" }, { "did:jwk", "ES256" }, { "did:jwk", "ES256K" }, { "did:jwk", "RS256" },
        { "did:key:jwk_jcs-pub", "ES256" }, { "did:key:jwk_jcs-pub", "EdDSA" },
    };

    private static TestKey Make(string alg) => alg switch
    {
        "ES256" => TestKey.P256(),
        "ES256K" => TestKey.Secp256k1(),
        "RS256" => TestKey.Rsa(),
        _ => TestKey.Ed25519(),
    };

    private static string Did(TestKey key, string method) => method switch
    {
        "did:key" => key.DidKey,
        "did:key:jwk_jcs-pub" => key.DidKeyJcs(),
        _ => key.DidJwk,
    };

    [Theory]
    [MemberData(nameof(MethodsAndKeys))]
    public async Task HeaderJwk_IsTheIssuerDidsOwnKey_IsValidAtDocumentLevelInEveryPolicy(string method, string alg)
    {
        foreach (var policy in new[] { IssuerPolicy.Default, IssuerPolicy.Strict })
        {
            await using var lab = await StartAsync();
            using var key = Make(alg);
            var issuer = Did(key, method);

            var report = await lab.TextAsync(W.Jwt(key, W.Credential(issuerId: issuer, url: null), jwk: key.Jwk()), policy);

            Expect.Valid(report);
            Expect.IssuerProven(report, issuer, IssuerProofs.DidKeyIssuer);
        }
    }

    [Theory]
    [MemberData(nameof(MethodsAndKeys))]
    public async Task HeaderJwk_ForgerKeyUnderRealIssuerDid_IsInvalid(string method, string alg)
    {
        foreach (var policy in new[] { IssuerPolicy.Default, IssuerPolicy.Strict })
        {
            await using var lab = await StartAsync();
            using var real = Make(alg);
            using var forger = Make(alg);

            var report = await lab.TextAsync(W.Jwt(forger, W.Credential(issuerId: Did(real, method), url: null), jwk: forger.Jwk()), policy);

            Expect.Invalid(report);
            Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
            Assert.False(report.Issuer?.Verified ?? false, "a forger's header key must never verify the real DID issuer");
        }
    }

    [Fact]
    public async Task HeaderJwk_ForgerKeyUnderRealIssuerDid_Lenient_NeverCreditsTheRealIssuer()
    {
        await using var lab = await StartAsync();
        using var real = TestKey.Ed25519();
        using var forger = TestKey.Ed25519();

        var report = await lab.TextAsync(W.Jwt(forger, W.Credential(issuerId: real.DidKey, url: null), jwk: forger.Jwk()), IssuerPolicy.Lenient);

        Assert.False(report.Issuer?.Verified ?? false, "lenient warns about an unproven key but never says the real issuer made it");
        Expect.NoCheck(report, "engine.unexpected", CheckOutcome.Failed);
    }

    [Fact]
    public async Task HeaderJwk_ListedByTheDidWebIssuersDocument_IsValidAtDocumentLevel()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.Serve(W.DidWebUrl, W.DidDocument(W.DidWeb, world.RealKey));

        var report = await lab.TextAsync(W.Jwt(world.RealKey, W.Credential(issuerId: W.DidWeb, url: null), jwk: world.RealKey.Jwk()), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, W.DidWeb, IssuerProofs.DidDocument);
    }

    [Theory]
    [InlineData("forger-key")]
    [InlineData("authentication-only")]
    [InlineData("document-of-another-did")]
    [InlineData("method-of-another-controller")]
    [InlineData("document-missing")]
    [InlineData("document-redirected-off-origin")]
    public async Task HeaderJwk_DidWebIssuerWithoutThatKeyForAssertion_IsInvalid(string how)
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var signer = how == "forger-key" ? world.EvilKey : world.RealKey;
        switch (how)
        {
            case "forger-key":
                lab.Serve(W.DidWebUrl, W.DidDocument(W.DidWeb, world.RealKey));
                break;
            case "authentication-only":
                lab.Serve(W.DidWebUrl, W.DidDocument(W.DidWeb, world.RealKey, forAssertion: false));
                break;
            case "document-of-another-did":
                lab.Serve(W.DidWebUrl, W.DidDocument("did:web:evil.example", world.RealKey));
                break;
            case "method-of-another-controller":
                var document = W.DidDocument(W.DidWeb, world.RealKey);
                document["verificationMethod"]![0]!["controller"] = "did:web:evil.example";
                lab.Serve(W.DidWebUrl, document);
                break;
            case "document-missing":
                lab.ServeStatus(W.DidWebUrl, 404);
                break;
            default:
                lab.Serve(Evil + "/.well-known/did.json", W.DidDocument(W.DidWeb, world.RealKey));
                lab.Redirect(W.DidWebUrl, Evil + "/.well-known/did.json");
                break;
        }

        var report = await lab.TextAsync(W.Jwt(signer, W.Credential(issuerId: W.DidWeb, url: null), jwk: signer.Jwk()));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
        Assert.False(report.Issuer?.Verified ?? false);
    }
}
