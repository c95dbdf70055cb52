using System.Security.Cryptography;
using System.Text;
using Verifier.Core.Recipients;

namespace Verifier.Core.Tests.Recipients;

public class RecipientMatcherTests
{
    private static string Sha256(string s) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

#pragma warning disable CA5351 // MD5 identity hashes are part of OB 2.0
    private static string Md5(string s) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(s)));
#pragma warning restore CA5351

    [Fact]
    public void Matches_Sha256WithSalt_IsTrue() =>
        Assert.True(RecipientMatcher.Matches("nobody@example.org", "sha256$" + Sha256("nobody@example.orgdeadsea"), hashed: true, "deadsea"));

    [Fact]
    public void Matches_ValidatorFixtureHash_IsTrue() =>
        Assert.True(RecipientMatcher.Matches("nobody@example.org", "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942", hashed: true, "deadsea"));

    [Fact]
    public void Matches_UppercaseHexAndAlgorithm_IsTrue() =>
        Assert.True(RecipientMatcher.Matches("nobody@example.org", "SHA256$" + Sha256("nobody@example.orgdeadsea").ToUpperInvariant(), hashed: true, "deadsea"));

    [Fact]
    public void Matches_Md5WithoutSalt_IsTrue() =>
        Assert.True(RecipientMatcher.Matches("nobody@example.org", "md5$" + Md5("nobody@example.org"), hashed: true, salt: null));

    [Fact]
    public void Matches_MixedCaseEmailAgainstLowercaseHash_IsTrue() =>
        Assert.True(RecipientMatcher.Matches("NoBody@Example.ORG", "sha256$" + Sha256("nobody@example.orgs"), hashed: true, "s"));

    [Fact]
    public void Matches_WrongSalt_IsFalse() =>
        Assert.False(RecipientMatcher.Matches("nobody@example.org", "sha256$" + Sha256("nobody@example.orgdeadsea"), hashed: true, "other"));

    [Fact]
    public void Matches_OtherEmail_IsFalse() =>
        Assert.False(RecipientMatcher.Matches("somebody@example.org", "sha256$" + Sha256("nobody@example.org"), hashed: true, null));

    [Theory]
    [InlineData("sha256$abc")]
    [InlineData("sha1$da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("nobody@example.org")]
    public void Matches_MalformedHash_IsFalse(string identity) =>
        Assert.False(RecipientMatcher.Matches("nobody@example.org", identity, hashed: true, null));

    [Fact]
    public void Matches_PlainEmail_IsCaseInsensitive() =>
        Assert.True(RecipientMatcher.Matches("NOBODY@example.org", "nobody@EXAMPLE.org", hashed: false, null));

    [Fact]
    public void Matches_PlainEmailDifferent_IsFalse() =>
        Assert.False(RecipientMatcher.Matches("nobody@example.org", "nobody2@example.org", hashed: false, null));

    [Fact]
    public void Matches_Url_ComparesHostCaseInsensitivelyAndPathExactly()
    {
        Assert.True(RecipientMatcher.Matches("https://Example.org/Me", "https://example.org/Me", hashed: false, null));
        Assert.False(RecipientMatcher.Matches("https://example.org/me", "https://example.org/Me", hashed: false, null));
    }

    [Fact]
    public void Matches_HashedUrl_IsTrue() =>
        Assert.True(RecipientMatcher.Matches("https://example.org/me", "sha256$" + Sha256("https://example.org/me"), hashed: true, null));

    [Fact]
    public void Matches_TelephoneWithPunctuation_MatchesE164()
    {
        Assert.True(RecipientMatcher.Matches("+1 (617) 555-1212", "+16175551212", hashed: false, null));
        Assert.True(RecipientMatcher.Matches("+1 617 555 1212", "sha256$" + Sha256("+16175551212salt"), hashed: true, "salt"));
        Assert.False(RecipientMatcher.Matches("+1 617 555 1213", "+16175551212", hashed: false, null));
    }

    [Theory]
    [InlineData("a@b.org", RecipientKind.Email)]
    [InlineData("mailto:a@b.org", RecipientKind.Email)]
    [InlineData("https://b.org/a", RecipientKind.Url)]
    [InlineData("+16175551212", RecipientKind.Telephone)]
    [InlineData("tel:+16175551212", RecipientKind.Telephone)]
    [InlineData("did:example:123", RecipientKind.Other)]
    public void Classify_KnownForms_AreRecognised(string value, RecipientKind kind) =>
        Assert.Equal(kind, RecipientMatcher.Classify(value));

    [Fact]
    public void IsIdentityHash_RequiresAlgorithmLength()
    {
        Assert.True(RecipientMatcher.IsIdentityHash("md5$" + new string('a', 32)));
        Assert.False(RecipientMatcher.IsIdentityHash("md5$" + new string('a', 64)));
        Assert.False(RecipientMatcher.IsIdentityHash("sha256$" + new string('g', 64)));
    }
}
