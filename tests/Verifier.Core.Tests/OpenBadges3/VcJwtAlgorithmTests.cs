namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>
/// The RSA family of VC-JWT algorithms (OB 3.0 §8.2.3 requires RS256 and permits others): each verifies with the
/// issuer's RSA key when the signature is what its header names, and a signature made with another padding or hash
/// than the header's (RS256 bytes under PS256, PSS bytes under RS256, SHA-256 under RS512) never does.
/// </summary>
public class VcJwtAlgorithmTests
{
    public static TheoryData<string> RsaAlgorithms => ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"];

    private static (HashAlgorithmName Hash, RSASignaturePadding Padding) Scheme(string alg) => (
        alg[2..] switch { "384" => HashAlgorithmName.SHA384, "512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 },
        alg[0] == 'P' ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1);

    [Theory]
    [MemberData(nameof(RsaAlgorithms))]
    public async Task VerifyAsync_RsaAlgorithmAsItsHeaderSays_IsValid(string alg)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var (hash, padding) = Scheme(alg);

        var report = await f.VerifyAsync(Jwt.SignAs(alg, d => key.SignRsa(d, hash, padding), Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal("OpenBadgeCredential", report.Badge?.Kind);
        Assert.Contains(alg, ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Passed).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PS256", "RS256")]
    [InlineData("RS256", "PS256")]
    [InlineData("RS512", "RS256")]
    [InlineData("PS384", "PS256")]
    public async Task VerifyAsync_SignatureOfAnotherSchemeThanTheHeader_IsInvalid(string header, string signedAs)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var (hash, padding) = Scheme(signedAs);

        var report = await f.VerifyAsync(Jwt.SignAs(header, d => key.SignRsa(d, hash, padding), Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtSignature, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData("PS256")]
    [InlineData("RS384")]
    public async Task VerifyAsync_RsaAlgorithmWithAnEcKey_IsInvalid(string alg)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());

        var report = await f.VerifyAsync(Jwt.SignAs(alg, key.Sign, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
    }

    [Theory]
    [InlineData("ES512")]
    [InlineData("none")]
    [InlineData("HS256")]
    public async Task VerifyAsync_AlgorithmOutsideTheAllowList_IsRefusedBeforeAnyKey(string alg)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());

        var report = await f.VerifyAsync(Jwt.SignAs(alg, key.Sign, Ob3Fixtures.Payload(Ob3Fixtures.Credential()), kid));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.JwtHeader, CheckOutcome.Failed);
        Assert.Equal(0, f.Server.Hits("/keys/1"));
    }
}
