using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 3 for a VC-JWT whose key travels in the jwk header while its issuer is a self-describing DID (did:key,
/// did:jwk): the header key is the issuer's only when it is that DID's own key. A forger's header key under the real
/// issuer's DID is never bound, in any policy that asks for binding; the genuine twin is bound at document level.
/// </summary>
public sealed class HeaderJwkDidIssuerAttacks
{
    /// <summary>Every key type each method can hold: did:key (Ed25519, P-256), did:jwk (also RSA).</summary>
    public static TheoryData<string, string> MethodsAndKeys => new()
    {
        { "did:key", "EdDSA" }, { "did:key", "ES256" }, { "did:jwk", "EdDSA" }, { "did:jwk", "ES256" }, { "did:jwk", "RS256" },
    };

    private static TestKey Make(string alg) => alg switch
    {
        "ES256" => TestKey.P256(),
        "RS256" => TestKey.Rsa(),
        _ => TestKey.Ed25519(),
    };

    private static string Did(TestKey key, string method) => method == "did:key" ? key.DidKey : key.DidJwk;

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
}
