using Microsoft.Extensions.DependencyInjection;
using Verifier.Core.Baking;
using Verifier.Core.Engine;
using Verifier.Core.Input;
using Verifier.Core.Reporting;
using Verifier.Core.Tests.TestSupport;

namespace Verifier.Core.Tests.Baking;

/// <summary>Inputs that crashed a fuzz target (fuzz/fuzz.sh), kept verbatim (base64) so each stays fixed.</summary>
public class FuzzRegressionTests
{
    /// <summary>svg target: invalid bytes inside the XML declaration before encoding="UTF-8" (System.Xml threw ArgumentOutOfRangeException).</summary>
    private const string SvgEncodingSwitch = "PD94bWwgdmVyc2lvbj0iMS4wv7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v78iIGVuY29kaW5nPSJVVEYtOCI/PjxzdmcgeD12Zz4=";

    /// <summary>jws and engine targets: JWS payloads whose @context string decodes to invalid UTF-8 (GetString threw).</summary>
    public static TheoryData<string> InvalidUtf8Jws => new()
    {
        "CgoKCmV5SmhOaUo5LmV5SkFZMjl1ZEdWNGRDSTZJbWhsY3k5MjVpSXNJbWxrSWpvaWRLSnVPblYxYVdRNk1TSjkuYzI=",
        "ZXlKSy5leUpBWTI5dWRHVjRkQ0k2SW1oMjRpSXNJbWxrSWpvaWRYSjZNU0o5LmMy",
        "ZXlKaC5leUpBWTI5dWRHVjRkQ0k2SW1yMk1pSXNJbWxrSWpvaWRYSjZNU0o5LmMt",
    };

    [Fact]
    public void SvgRead_InvalidBytesInXmlDeclaration_IsMalformedNotAnException()
    {
        var result = SvgBadgeReader.Read(Convert.FromBase64String(SvgEncodingSwitch));

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8Jws))]
    public void FamilyOfJws_PayloadWithInvalidUtf8String_IsUnknown(string base64)
    {
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Trim();

        Assert.Equal(BadgeFamily.Unknown, PayloadClassifier.FamilyOfJws(text));
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8Jws))]
    public async Task VerifyAsync_JwsWithInvalidUtf8Payload_IsJudgedWithoutInternalError(string base64)
    {
        using var sp = EngineFactory.Build();

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromBytes(Convert.FromBase64String(base64)),
        });

        Assert.DoesNotContain(report.Checks, c => c.Id == BadgeVerifier.EngineCheckId);
        Assert.Equal(VerificationOutcome.Invalid, report.Outcome);
    }

    /// <summary>jws target (harness oracle): a byte order mark before a JWS; sniffer and resolver must agree it is a JWS.</summary>
    [Theory]
    [InlineData("77u/ZXkub1cuX19fX1VfX19fX19fX19fX19fXw==")]
    [InlineData("77u/ZXlKaGJHY2lPaUp1YjI1bEluMHIuLg==")]
    public async Task VerifyAsync_BomBeforeJws_IsTreatedAsJws(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        using var sp = EngineFactory.Build();

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(bytes) });

        Assert.Equal(SniffedFormat.Jws, ContentSniffer.Sniff(bytes));
        Assert.Equal("jws", report.Input.PayloadKind);
    }
}
