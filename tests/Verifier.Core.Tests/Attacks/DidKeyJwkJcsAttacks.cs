using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// EBSI's did:key form (multicodec jwk_jcs-pub: the key is its own JCS-serialized JWK), named by kid. The DID is the
/// key, so the genuine credential is bound at document level; a forger's signature under it, or a DID whose JWK
/// carries the private part, never verifies.
/// </summary>
public sealed class DidKeyJwkJcsAttacks
{
    private static string Kid(string did) => did + "#" + did["did:key:".Length..];

    [Fact]
    public async Task JwkJcsDidKey_GenuineCredential_IsValid()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.P256();
        var did = key.DidKeyJcs();

        var report = await lab.TextAsync(W.Jwt(key, W.Credential(issuerId: did, url: null), kid: Kid(did)), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProven(report, did, IssuerProofs.DidKeyIssuer);
    }

    [Fact]
    public async Task JwkJcsDidKey_ForgerSignature_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var real = TestKey.P256();
        using var forger = TestKey.P256();
        var did = real.DidKeyJcs();

        var report = await lab.TextAsync(W.Jwt(forger, W.Credential(issuerId: did, url: null), kid: Kid(did)));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
    }

    [Fact]
    public async Task JwkJcsDidKey_WithThePrivateKeyInIt_IsRefused()
    {
        await using var lab = await StartAsync();
        using var key = TestKey.P256();
        var did = key.DidKeyJcs(includePrivate: true);

        var report = await lab.TextAsync(W.Jwt(key, W.Credential(issuerId: did, url: null), kid: Kid(did)));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.JwtKey, CheckOutcome.Failed);
    }
}
