using Verifier.Core.Recipients;

namespace Verifier.Core.Tests.Recipients;

public class RecipientMatcherTests
{
    private const RecipientKind Email = RecipientKind.Email;
    private const RecipientKind Tel = RecipientKind.Telephone;

    public static string Sha256(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

#pragma warning disable CA5351 // MD5 identity hashes are part of OB 2.0
    public static string Md5(string s) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)));
#pragma warning restore CA5351

    private static RecipientMatch Plain(string expected, RecipientKind kind, string identity) =>
        RecipientMatcher.Compare(expected, kind, identity, hashed: false, salt: null);

    private static RecipientMatch Hashed(string expected, RecipientKind kind, string identity, string? salt = null) =>
        RecipientMatcher.Compare(expected, kind, identity, hashed: true, salt);

    [Fact]
    public void Compare_Sha256WithSalt_Matches() =>
        Assert.Equal(RecipientMatch.Match, Hashed("nobody@example.org", Email, "sha256$" + Sha256("nobody@example.orgdeadsea"), "deadsea"));

    [Fact]
    public void Compare_ValidatorFixtureHash_Matches() =>
        Assert.Equal(RecipientMatch.Match, Hashed("nobody@example.org", Email, "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942", "deadsea"));

    [Fact]
    public void Compare_UppercaseHexAndAlgorithm_Matches() =>
        Assert.Equal(RecipientMatch.Match, Hashed("nobody@example.org", Email, "SHA256$" + Sha256("nobody@example.orgdeadsea").ToUpperInvariant(), "deadsea"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compare_Md5EitherHexCase_Matches(bool upper)
    {
        var hex = Md5("nobody@example.org");
        Assert.Equal(RecipientMatch.Match, Hashed("nobody@example.org", Email, "md5$" + (upper ? hex.ToUpperInvariant() : hex)));
    }

    [Fact]
    public void Compare_MixedCaseEmailAgainstLowercaseHash_Matches() =>
        Assert.Equal(RecipientMatch.Match, Hashed("NoBody@Example.ORG", Email, "sha256$" + Sha256("nobody@example.orgs"), "s"));

    [Fact]
    public void Compare_MailtoPrefixAgainstHashOfAddress_Matches() =>
        Assert.Equal(RecipientMatch.Match, Hashed("MAILTO:nobody@example.org", Email, "sha256$" + Sha256("nobody@example.org")));

    [Fact]
    public void Compare_WrongSalt_DoesNotMatch() =>
        Assert.Equal(RecipientMatch.NoMatch, Hashed("nobody@example.org", Email, "sha256$" + Sha256("nobody@example.orgdeadsea"), "other"));

    [Fact]
    public void Compare_OtherEmail_DoesNotMatch() =>
        Assert.Equal(RecipientMatch.NoMatch, Hashed("somebody@example.org", Email, "sha256$" + Sha256("nobody@example.org")));

    [Theory]
    [InlineData("sha256$abc")]
    [InlineData("sha1$da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("nobody@example.org")]
    public void Compare_MalformedHash_DoesNotMatch(string identity) =>
        Assert.Equal(RecipientMatch.NoMatch, Hashed("nobody@example.org", Email, identity));

    [Theory]
    [InlineData("NOBODY@example.org", "nobody@EXAMPLE.org")]
    [InlineData("mailto:nobody@example.org", "nobody@example.org")]
    [InlineData("nobody@example.org", "MailTo:Nobody@Example.org")]
    public void Compare_PlainEmailAsciiCaseOrMailto_Matches(string expected, string identity) =>
        Assert.Equal(RecipientMatch.Match, Plain(expected, Email, identity));

    [Fact]
    public void Compare_PlainEmailDifferent_DoesNotMatch() =>
        Assert.Equal(RecipientMatch.NoMatch, Plain("nobody@example.org", Email, "nobody2@example.org"));

    [Fact]
    public void Compare_NonAsciiEmailItself_Matches() =>
        Assert.Equal(RecipientMatch.Match, Plain("josé@exämple.org", Email, "josé@exämple.org"));

    [Fact]
    public void Compare_NonAsciiCaseDifference_DoesNotMatch() =>
        Assert.Equal(RecipientMatch.NoMatch, Plain("JOSÉ@example.org", Email, "josé@example.org"));

    [Fact]
    public void Compare_TelephoneWithPunctuation_MatchesE164()
    {
        Assert.Equal(RecipientMatch.Match, Plain("+1 (617) 555-1212", Tel, "+16175551212"));
        Assert.Equal(RecipientMatch.Match, Hashed("+1 617 555 1212", Tel, "sha256$" + Sha256("+16175551212salt"), "salt"));
        Assert.Equal(RecipientMatch.NoMatch, Plain("+1 617 555 1213", Tel, "+16175551212"));
    }

    [Theory]
    [InlineData("tel:+15550100", "+15550100")]
    [InlineData("+1 555 0100", "tel:+1-555-0100")]
    [InlineData("+1.555.0100", "+15550100")]
    public void Compare_TelephoneForms_Match(string expected, string identity) =>
        Assert.Equal(RecipientMatch.Match, Plain(expected, Tel, identity));

    [Fact]
    public void Compare_TelephoneWithAndWithoutPlus_AreDifferentNumbers()
    {
        Assert.Equal(RecipientMatch.NoMatch, Plain("15550100", Tel, "+15550100"));
        Assert.Equal(RecipientMatch.NoMatch, Plain("+15550100", Tel, "15550100"));
    }

    // The attack: an e-mail address whose local part is the victim's number. NormalizePhone used to strip the domain.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compare_EmailLocalPartEqualToTelephone_IsKindMismatch(bool hashed)
    {
        var identity = hashed ? "sha256$" + Sha256("15550100") : "15550100";

        Assert.Equal(RecipientMatch.KindMismatch, RecipientMatcher.Compare("15550100@evil.example", Tel, identity, hashed, null));
    }

    [Fact]
    public void Compare_TelephoneIdentityWithDomain_DoesNotMatchTheNumber() =>
        Assert.Equal(RecipientMatch.NoMatch, Plain("15550100", Tel, "15550100@evil.example"));

    [Fact]
    public void Compare_TelephoneIdentityWithLetters_DoesNotMatch() =>
        Assert.Equal(RecipientMatch.NoMatch, Plain("+1 800 3569377", Tel, "+1 800 FLOWERS"));
}
