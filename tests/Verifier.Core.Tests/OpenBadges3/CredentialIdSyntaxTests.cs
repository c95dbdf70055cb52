using Verifier.Core.OpenBadges3;
using Verifier.Core.Reporting;

namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>The credential id must be an absolute URI with an explicit scheme (any scheme: urn:uuid ids are common).</summary>
public class CredentialIdSyntaxTests
{
    [Theory]
    [InlineData("/credentials/1")]
    [InlineData("credentials/1")]
    public async Task VerifyAsync_RelativeIdUnderConformanceProfile_IsInvalid(string id)
    {
        // System.Uri on Unix reads "/credentials/1" as file:///credentials/1; the id check must not.
        var report = await VerifyAsync(id);

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("id must be an absolute URI", ReportAssert.Has(report, Ob3CheckIds.Structure, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urn:uuid:4f2b8c1e-3a5d-4c6e-9f7a-1b2c3d4e5f60")]
    [InlineData("https://issuer.example/credentials/1")]
    public async Task VerifyAsync_AbsoluteIdUnderConformanceProfile_HasNoIdFinding(string id)
    {
        var report = await VerifyAsync(id);

        Assert.DoesNotContain(report.Checks, c => c.Id == Ob3CheckIds.Structure && c.Message.Contains("absolute URI", StringComparison.Ordinal));
    }

    private static async Task<VerificationReport> VerifyAsync(string id)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.P256();
        var kid = f.HostJwk(key);
        var credential = Ob3Fixtures.Credential();
        credential["id"] = id;
        return await f.VerifyAsync(Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid), configure: o => o.Profile = VerificationProfile.Conformance);
    }
}
