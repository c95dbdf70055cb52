using Verifier.Core.Recipients;
using static Verifier.Core.Tests.Recipients.RecipientMatcherTests;

namespace Verifier.Core.Tests.Recipients;

/// <summary>
/// Characters outside ASCII that Unicode case mappings send into ASCII must never match the ASCII letter: only A–Z
/// and a–z fold. Each attack has its genuine ASCII-case twin that must still match.
/// </summary>
public class RecipientLookAlikeTests
{
    public static TheoryData<string, string> LookAlikes => new()
    {
        { "\u0131nfo@example.org", "info@example.org" },   // dotless ı (U+0131): upper-cases to I
        { "\u0130nfo@example.org", "info@example.org" },   // İ (U+0130): lower-cases to i + U+0307 in some mappings
        { "\u212Aim@example.org", "kim@example.org" },     // Kelvin sign (U+212A): ToLowerInvariant gives k
        { "\u017Fam@example.org", "sam@example.org" },     // long s (U+017F): upper-cases to S
        { "INFO@EXAMPLE.ORG", "\u0131nfo@example.org" },   // the look-alike on the badge's side
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Compare_PlainLookAlike_DoesNotMatch(string expected, string identity) =>
        Assert.Equal(RecipientMatch.NoMatch, RecipientMatcher.Compare(expected, RecipientKind.Email, identity, hashed: false, null));

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Compare_HashedLookAlike_DoesNotMatch(string expected, string identity)
    {
        Assert.Equal(RecipientMatch.NoMatch, RecipientMatcher.Compare(expected, RecipientKind.Email, "sha256$" + Sha256(identity + "s"), hashed: true, "s"));
        Assert.Equal(RecipientMatch.NoMatch, RecipientMatcher.Compare(expected, RecipientKind.Email, "md5$" + Md5(identity), hashed: true, null));
    }

    [Theory]
    [InlineData("INFO@example.org", "info@example.org")]
    [InlineData("Kim@Example.ORG", "kim@example.org")]
    [InlineData("SAM@example.org", "sam@example.org")]
    public void Compare_AsciiCaseTwin_Matches(string expected, string identity)
    {
        Assert.Equal(RecipientMatch.Match, RecipientMatcher.Compare(expected, RecipientKind.Email, identity, hashed: false, null));
        Assert.Equal(RecipientMatch.Match, RecipientMatcher.Compare(expected, RecipientKind.Email, "sha256$" + Sha256(identity + "s"), hashed: true, "s"));
    }

    // What the framework does, and why this code folds by hand: ToLowerInvariant maps the Kelvin sign to "k" (so the
    // old lower-cased hash candidate matched "kim"), and System.Uri maps it in host names. OrdinalIgnoreCase folds
    // none of the four on this runtime, but its tables are not ours to rely on.
    [Fact]
    public void Framework_UnicodeCaseMappings_FoldKelvinSignIntoAscii()
    {
        Assert.Equal("kim@example.org", "\u212Aim@example.org".ToLowerInvariant());
        Assert.Equal(new Uri("https://key.example/me"), new Uri("https://\u212Aey.example/me"));
        Assert.Equal("kim@example.org", AsciiCase.ToLower("KIM@Example.org"));
        Assert.Equal("\u212Aim@example.org", AsciiCase.ToLower("\u212Aim@example.org"));
    }

    [Fact]
    public void Compare_UrlHostWithKelvinSign_DoesNotMatchAsciiHost() =>
        Assert.Equal(RecipientMatch.NoMatch, RecipientMatcher.Compare("https://\u212Aey.example/me", RecipientKind.Url, "https://key.example/me", hashed: false, null));

    [Fact]
    public void Compare_UnicodeHostAndItsPunycode_Match()
    {
        Assert.Equal(RecipientMatch.Match, RecipientMatcher.Compare("https://b\u00fccher.example/me", RecipientKind.Url, "https://xn--bcher-kva.example/me", hashed: false, null));
        Assert.Equal(RecipientMatch.NoMatch, RecipientMatcher.Compare("https://b\u00fccher.example/me", RecipientKind.Url, "https://bucher.example/me", hashed: false, null));
    }
}
