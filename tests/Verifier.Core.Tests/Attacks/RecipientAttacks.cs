using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob2World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 7 end to end: recipient= compares like with like. An e-mail address never matches a telephone number by
/// losing everything but its digits, and no Unicode case mapping folds a non-ASCII letter (Kelvin sign, dotted İ,
/// dotless ı) onto the ASCII letter of someone else's address. The badge is the real issuer's genuine hosted assertion.
/// </summary>
public sealed class RecipientAttacks
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Recipient_EmailWhoseDigitsAreTheBadgesTelephone_DoesNotMatch(bool hashed)
    {
        var report = await VerifyAsync("telephone", "15550100", hashed, "15550100@evil.example");

        Expect.Invalid(report);
        Expect.Check(report, Ob2CheckIds.Recipient, CheckOutcome.Failed);
    }

    [Theory]
    [InlineData("kim@example.org", "\u212Aim@example.org", true)]
    [InlineData("kim@example.org", "\u212Aim@example.org", false)]
    [InlineData("ian@example.org", "\u0130an@example.org", true)]
    [InlineData("ian@example.org", "\u0130an@example.org", false)]
    [InlineData("ian@example.org", "\u0131an@example.org", true)]
    [InlineData("ian@example.org", "\u0131an@example.org", false)]
    public async Task Recipient_NonAsciiLetterFoldingOntoAsciiAddress_DoesNotMatch(string earner, string expected, bool hashed)
    {
        var report = await VerifyAsync("email", earner, hashed, expected);

        Expect.Invalid(report);
        Expect.Check(report, Ob2CheckIds.Recipient, CheckOutcome.Failed);
    }

    // ---- genuine twins ----

    [Theory]
    [InlineData("telephone", "15550100", true, "15550100")]
    [InlineData("telephone", "15550100", false, "1555-0100")]
    [InlineData("email", "ian@example.org", true, "IAN@Example.ORG")]
    [InlineData("email", "kim@example.org", false, "Kim@example.org")]
    public async Task Recipient_SameIdentityInAsciiCaseOrPunctuation_Matches(string type, string earner, bool hashed, string expected)
    {
        var report = await VerifyAsync(type, earner, hashed, expected);

        Expect.Valid(report);
        Expect.Check(report, Ob2CheckIds.Recipient, CheckOutcome.Passed);
    }

    private static async Task<VerificationReport> VerifyAsync(string type, string identity, bool hashed, string expected)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var assertion = W.Hosted(W.AssertionId, W.Victim);
        assertion["recipient"] = new JsonObject
        {
            ["type"] = type,
            ["hashed"] = hashed,
            ["salt"] = W.Salt,
            ["identity"] = hashed ? Ob2TestIssuer.HashedEmail(identity, W.Salt) : identity,
        };
        lab.Serve(W.AssertionId, assertion);
        return await lab.UrlAsync(W.AssertionId, recipient: expected);
    }
}
