using static Verifier.Core.Tests.OpenBadges2.Ob2TestIssuer;

namespace Verifier.Core.Tests.OpenBadges2;

/// <summary>
/// The OB 2.0 signed-assertion envelope, end to end: crit (RFC 7515 §4.1.11), b64 (RFC 7797) and a typ naming
/// another kind of token are refused before the key is fetched; the ordinary headers still verify.
/// </summary>
public class Ob2JwsHeaderTests
{
    [Theory]
    [InlineData("""{"alg":"RS256","crit":["exp"],"exp":1900000000}""")]
    [InlineData("""{"alg":"RS256","crit":[]}""")]
    [InlineData("""{"alg":"RS256","crit":"b64","b64":true}""")]
    [InlineData("""{"alg":"RS256","b64":false,"crit":["b64"]}""")]
    [InlineData("""{"alg":"RS256","b64":false}""")]
    [InlineData("""{"alg":"RS256","typ":"vc+jwt"}""")]
    [InlineData("""{"alg":"RS256","typ":"vp+jwt"}""")]
    [InlineData("""{"alg":"RS256","typ":"at+jwt"}""")]
    [InlineData("""{"alg":"RS256","typ":"vc+sd-jwt"}""")]
    [InlineData("""{"alg":"RS256","typ":1}""")]
    public async Task VerifyAsync_RefusedHeader_FailsBeforeTheKey(string header)
    {
        await using var issuer = await StartAsync();
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromText(SignWithHeader(header, Assertion(signed: true), issuer.Key)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.SignatureAlgorithm, CheckOutcome.Failed);
        Assert.Equal(0, issuer.Server.Hits("/key.json"));
    }

    [Theory]
    [InlineData("""{"alg":"RS256"}""")]
    [InlineData("""{"alg":"RS256","typ":"JWT"}""")]
    [InlineData("""{"alg":"RS256","typ":"application/jwt"}""")]
    [InlineData("""{"alg":"RS256","typ":"JOSE"}""")]
    [InlineData("""{"alg":"RS256","b64":true}""")]
    public async Task VerifyAsync_OrdinaryHeader_Verifies(string header)
    {
        await using var issuer = await StartAsync();
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromText(SignWithHeader(header, Assertion(signed: true), issuer.Key)));

        ReportAssert.Valid(report);
        ReportAssert.Has(report, Ob2CheckIds.SignatureVerify, CheckOutcome.Passed);
    }

    private static string SignWithHeader(string header, JsonObject payload, RSA key)
    {
        var input = $"{B64(Encoding.UTF8.GetBytes(header))}.{B64(Encoding.UTF8.GetBytes(payload.ToJsonString()))}";
        return $"{input}.{B64(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }
}
