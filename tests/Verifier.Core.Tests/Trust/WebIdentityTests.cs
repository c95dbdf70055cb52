using Verifier.Core.Trust;

namespace Verifier.Core.Tests.Trust;

/// <summary>The one absolute http(s) URL parse, its origin, and the comparisons identity decisions use.</summary>
public class WebIdentityTests
{
    [Theory]
    [InlineData("https://real.edu")]
    [InlineData("http://real.edu/a?b#c")]
    [InlineData("HTTPS://Real.EDU:8443/x")]
    [InlineData("https://[::1]/x")]
    [InlineData("https://user@real.edu/x")]
    public void HttpUrl_Accepts(string text) => Assert.NotNull(WebIdentity.HttpUrl(text));

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("relative")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://real.edu/x")]
    [InlineData("data:text/plain,x")]
    [InlineData("did:web:real.edu")]
    [InlineData("urn:uuid:0b8b1e8e-7f4b-4c5e-9a7e-2f1b8f1c2d3e")]
    [InlineData("https://")]
    [InlineData("")]
    [InlineData(null)]
    public void HttpUrl_Rejects(string? text) => Assert.Null(WebIdentity.HttpUrl(text));

    [Theory]
    [InlineData("https://Real.EDU/a/b?q#f", "https://real.edu")]
    [InlineData("https://real.edu:443/", "https://real.edu")]
    [InlineData("http://real.edu:80/", "http://real.edu")]
    [InlineData("https://real.edu:8443/", "https://real.edu:8443")]
    [InlineData("http://real.edu:443/", "http://real.edu:443")]
    [InlineData("https://real.edu@evil.example/key", "https://evil.example")]
    [InlineData("https://user:secret@evil.example:8443/", "https://evil.example:8443")]
    [InlineData("https://[::1]:8443/", "https://[::1]:8443")]
    public void OriginOf_IsSchemeHostAndNonDefaultPort(string url, string origin) =>
        Assert.Equal(origin, WebIdentity.OriginOf(new Uri(url)));

    [Theory]
    [InlineData("https://real.edu/a", "https://REAL.edu:443/b", true)]
    [InlineData("https://real.edu/a", "http://real.edu/a", false)]
    [InlineData("https://real.edu/a", "https://real.edu:8443/a", false)]
    [InlineData("https://real.edu/a", "https://real.edu.evil.com/a", false)]
    [InlineData("https://real.edu/a", "https://evil.com@real.edu/a", true)]
    [InlineData("https://real.edu@evil.com/a", "https://real.edu/a", false)]
    public void SameOrigin_ComparesSchemeHostPort(string a, string b, bool same) =>
        Assert.Equal(same, WebIdentity.SameOrigin(new Uri(a), new Uri(b)));

    [Theory]
    [InlineData("https://real.edu/a", "http://real.edu/b", true)]
    [InlineData("https://real.edu:8443/a", "http://real.edu/b", false)]
    public void SameSite_JoinsHttpAndHttpsOnDefaultPorts(string a, string b, bool same) =>
        Assert.Equal(same, WebIdentity.SameSite(new Uri(a), new Uri(b)));

    [Theory]
    [InlineData("https://badges.real.edu/a/1", "https://badges.real.edu", true)]
    [InlineData("https://badges.real.edu.evil.com/a/1", "https://badges.real.edu", false)]
    [InlineData("https://badges.real.edu:8443/a/1", "https://badges.real.edu", false)]
    [InlineData("http://badges.real.edu/a/1", "https://badges.real.edu", false)]
    [InlineData("https://badges.real.edu/tenants/ada/1", "https://badges.real.edu/tenants/ada/", true)]
    [InlineData("https://badges.real.edu/tenants/adam/1", "https://badges.real.edu/tenants/ada/", false)]
    [InlineData("https://example.org/beths-robotics-badge.json", "https://example.org/beths", true)]
    [InlineData("https://evil.com@badges.real.edu/a", "https://badges.real.edu/", true)]
    [InlineData("https://badges.real.edu@evil.com/a", "https://badges.real.edu/", false)]
    public void StartsWithOnBoundary_HasTheOriginAsBoundary(string candidate, string prefix, bool admitted) =>
        Assert.Equal(admitted, WebIdentity.StartsWithOnBoundary(new Uri(candidate), new Uri(prefix)));
}
