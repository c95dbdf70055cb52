namespace Verifier.Core.Tests.Fetching;

public sealed class UrlPolicyTests
{
    [Theory]
    [InlineData("https://example.org/badge.json")]
    [InlineData("http://issuer.example:8443/a?b=c#d")]
    [InlineData("https://93.184.215.14/")]
    [InlineData("https://[2606:4700:4700::1111]/")]
    [InlineData("https://xn--bcher-kva.example/")]
    public void Refusal_OrdinaryUrl_IsAllowed(string url)
    {
        Assert.Null(UrlPolicy.Refusal(new Uri(url), allowLoopback: false));
    }

    [Theory]
    [InlineData("http://2130706433/", "127.0.0.1")]
    [InlineData("http://0177.0.0.1/", "127.0.0.1")]
    [InlineData("http://0x7f.1/", "127.0.0.1")]
    [InlineData("http://0xa9.0xfe.0xa9.0xfe/", "169.254.169.254")]
    [InlineData("http://3232235777/", "192.168.1.1")]
    public void Refusal_NumericIpv4Spellings_AreNormalisedThenRefused(string url, string normalised)
    {
        var uri = new Uri(url);

        // System.Uri turns every spelling into dotted decimal before the policy sees it.
        Assert.Equal(normalised, uri.IdnHost);
        Assert.NotNull(UrlPolicy.Refusal(uri, allowLoopback: false));
    }

    [Theory]
    [InlineData("file:///etc/passwd", "scheme")]
    [InlineData("ftp://example.org/", "scheme")]
    [InlineData("HTTP://user@example.org/", "user information")]
    [InlineData("https://:@example.org/", "user information")]
    [InlineData("http://[fe80::1%25eth0]/", "zone")]
    public void Refusal_BadShape_IsRefused(string url, string reason)
    {
        var refusal = UrlPolicy.Refusal(new Uri(url), allowLoopback: true);

        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_RelativeUrl_IsRefused()
    {
        Assert.NotNull(UrlPolicy.Refusal(new Uri("/badge.json", UriKind.Relative), allowLoopback: true));
    }
}
