using Verifier.Core.Recipients;
using static Verifier.Core.Tests.Recipients.RecipientMatcherTests;

namespace Verifier.Core.Tests.Recipients;

/// <summary>The expected value's kind is read from its syntax, and only like kinds are compared.</summary>
public class RecipientKindTests
{
    [Theory]
    [InlineData("a@b.org", RecipientKind.Email)]
    [InlineData("mailto:a@b.org", RecipientKind.Email)]
    [InlineData("MAILTO:a@b.org", RecipientKind.Email)]
    [InlineData("15550100@evil.example", RecipientKind.Email)]
    [InlineData("https://b.org/a", RecipientKind.Url)]
    [InlineData("HTTP://b.org", RecipientKind.Url)]
    [InlineData("+16175551212", RecipientKind.Telephone)]
    [InlineData("+1 (617) 555-1212", RecipientKind.Telephone)]
    [InlineData("tel:+16175551212", RecipientKind.Telephone)]
    [InlineData("15550100", RecipientKind.Telephone)]
    [InlineData("did:example:123", RecipientKind.Did)]
    [InlineData("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", RecipientKind.Did)]
    [InlineData("DID:example:123", RecipientKind.Other)]
    [InlineData("did:Example:123", RecipientKind.Other)]
    [InlineData("tel:1-800-FLOWERS", RecipientKind.Other)]
    [InlineData("+1 800 FLOWERS", RecipientKind.Other)]
    [InlineData("1234", RecipientKind.Other)]
    [InlineData("ftp://b.org/a", RecipientKind.Other)]
    [InlineData("user:x@b.org", RecipientKind.Other)]
    [InlineData("urn:uuid:2a0c84ce-9b5e-4c59-a5b8-111111111111", RecipientKind.Other)]
    [InlineData("student-42", RecipientKind.Other)]
    public void Classify_Value_IsReadFromItsSyntax(string value, RecipientKind kind) =>
        Assert.Equal(kind, RecipientSyntax.Classify(value));

    [Theory]
    [InlineData("https://example.org/me", RecipientKind.Email, "https://example.org/me")]
    [InlineData("me@example.org", RecipientKind.Url, "me@example.org")]
    [InlineData("did:example:me", RecipientKind.Url, "https://example.org/me")]
    [InlineData("https://example.org/me", RecipientKind.Did, "did:example:me")]
    [InlineData("me@example.org", RecipientKind.Telephone, "me@example.org")]
    [InlineData("me@example.org", RecipientKind.Other, "me@example.org")]
    [InlineData("did:example:me", RecipientKind.Other, "did:example:me")]
    [InlineData("+15550100", RecipientKind.Email, "+15550100")]
    public void Compare_DifferentKinds_IsKindMismatchEvenWhenTheTextIsEqual(string expected, RecipientKind kind, string identity)
    {
        Assert.Equal(RecipientMatch.KindMismatch, RecipientMatcher.Compare(expected, kind, identity, hashed: false, null));
        Assert.Equal(RecipientMatch.KindMismatch, RecipientMatcher.Compare(expected, kind, "sha256$" + Sha256(identity), hashed: true, null));
    }

    [Theory]
    [InlineData("https://Example.ORG/Me", "https://example.org/Me")]
    [InlineData("HTTPS://example.org/Me", "https://example.org/Me")]
    [InlineData("https://example.org", "https://example.org/")]
    [InlineData("https://example.org:8443/me?x=1#f", "https://EXAMPLE.org:8443/me?x=1#f")]
    public void Compare_UrlSchemeAndHostAsciiCase_Match(string expected, string identity) =>
        Assert.Equal(RecipientMatch.Match, RecipientMatcher.Compare(expected, RecipientKind.Url, identity, hashed: false, null));

    [Theory]
    [InlineData("https://example.org/me", "https://example.org/Me")]
    [InlineData("https://example.org/~me", "https://example.org/%7Eme")]
    [InlineData("https://example.org/me", "http://example.org/me")]
    [InlineData("https://example.org:443/me", "https://example.org/me")]
    [InlineData("https://a@example.org/me", "https://example.org/me")]
    public void Compare_UrlPathQueryPortOrUserInfoDiffer_DoesNotMatch(string expected, string identity) =>
        Assert.Equal(RecipientMatch.NoMatch, RecipientMatcher.Compare(expected, RecipientKind.Url, identity, hashed: false, null));

    [Fact]
    public void Compare_HashedUrl_Matches() =>
        Assert.Equal(RecipientMatch.Match, RecipientMatcher.Compare("https://example.org/me", RecipientKind.Url, "sha256$" + Sha256("https://example.org/me"), hashed: true, null));

    [Theory]
    [InlineData("HTTPS://Example.ORG/Me", RecipientMatch.Match)]
    [InlineData("https://u@Example.ORG:8443/Me", RecipientMatch.NoMatch)]
    [InlineData("https://example.org/me", RecipientMatch.NoMatch)]
    public void Compare_HashedUrl_TriesLowerSchemeAndHostOnly(string expected, RecipientMatch result) =>
        Assert.Equal(result, RecipientMatcher.Compare(expected, RecipientKind.Url, "sha256$" + Sha256("https://example.org/Me"), hashed: true, null));

    [Fact]
    public void Compare_HashedUrlWithUserInfoAndPort_LowersOnlySchemeAndHost() =>
        Assert.Equal(RecipientMatch.Match, RecipientMatcher.Compare("HTTPS://Kim@Example.ORG:8443/Me", RecipientKind.Url, "sha256$" + Sha256("https://Kim@example.org:8443/Me"), hashed: true, null));

    [Fact]
    public void Compare_Did_IsOrdinalAndExact()
    {
        Assert.Equal(RecipientMatch.Match, RecipientMatcher.Compare("did:example:AbC", RecipientKind.Did, "did:example:AbC", hashed: false, null));
        Assert.Equal(RecipientMatch.NoMatch, RecipientMatcher.Compare("did:example:abc", RecipientKind.Did, "did:example:ABC", hashed: false, null));
    }

    [Theory]
    [InlineData("20231234", "20231234", RecipientMatch.Match)]
    [InlineData("student-42", "student-42", RecipientMatch.Match)]
    [InlineData("Student-42", "student-42", RecipientMatch.NoMatch)]
    [InlineData("2023 1234", "20231234", RecipientMatch.NoMatch)]
    public void Compare_OpaqueIdentifier_IsExact(string expected, string identity, RecipientMatch result) =>
        Assert.Equal(result, RecipientMatcher.Compare(expected, RecipientKind.Other, identity, hashed: false, null));

    [Theory]
    [InlineData(null, RecipientKind.Email)]
    [InlineData("email", RecipientKind.Email)]
    [InlineData("http://schema.org/email", RecipientKind.Email)]
    [InlineData("url", RecipientKind.Url)]
    [InlineData("https://schema.org/url", RecipientKind.Url)]
    [InlineData("telephone", RecipientKind.Telephone)]
    [InlineData("http://schema.org/telephone", RecipientKind.Telephone)]
    [InlineData("Email", RecipientKind.Other)]
    [InlineData("id", RecipientKind.Other)]
    public void FromOb2_RecipientType_IsItsKind(string? type, RecipientKind kind) =>
        Assert.Equal(kind, IdentityTypes.FromOb2(type));

    [Theory]
    [InlineData("emailAddress", RecipientKind.Email)]
    [InlineData("sourcedId", RecipientKind.Other)]
    [InlineData("userName", RecipientKind.Other)]
    [InlineData("ext:studentNumber", RecipientKind.Other)]
    [InlineData("phone", RecipientKind.Telephone)]
    [InlineData("url", RecipientKind.Url)]
    [InlineData("did", RecipientKind.Did)]
    [InlineData(null, RecipientKind.Other)]
    public void FromOb3_IdentityType_IsItsKind(string? type, RecipientKind kind) =>
        Assert.Equal(kind, IdentityTypes.FromOb3(type));
}
