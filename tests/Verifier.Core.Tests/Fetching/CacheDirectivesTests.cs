using System.Net.Http.Headers;

namespace Verifier.Core.Tests.Fetching;

public sealed class CacheDirectivesTests
{
    [Theory]
    [InlineData("max-age=60", null, 60)]
    [InlineData("max-age=60", "20", 40)]
    [InlineData("max-age=60", "90", 0)]
    [InlineData("s-maxage=5, max-age=60", null, 5)]
    [InlineData("public", null, null)]
    public void From_CacheControl_GivesFreshnessLeft(string cacheControl, string? age, int? seconds)
    {
        using var response = new HttpResponseMessage();
        response.Headers.CacheControl = CacheControlHeaderValue.Parse(cacheControl);
        if (age is not null)
        {
            response.Headers.Age = TimeSpan.FromSeconds(int.Parse(age, System.Globalization.CultureInfo.InvariantCulture));
        }

        var directives = CacheDirectives.From(response.Headers, response.Content.Headers);

        Assert.False(directives.NoStore);
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), directives.FreshFor);
    }

    [Theory]
    [InlineData("no-store")]
    [InlineData("no-cache")]
    [InlineData("private, max-age=600")]
    [InlineData("max-age=600, no-store")]
    public void From_ForbiddingDirective_IsNoStore(string cacheControl)
    {
        using var response = new HttpResponseMessage();
        response.Headers.CacheControl = CacheControlHeaderValue.Parse(cacheControl);

        Assert.True(CacheDirectives.From(response.Headers, response.Content.Headers).NoStore);
    }

    [Fact]
    public void From_ExpiresRelativeToServerDate_GivesLifetime()
    {
        using var response = new HttpResponseMessage { Content = new ByteArrayContent([]) };
        var date = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        response.Headers.Date = date;
        response.Content.Headers.Expires = date.AddMinutes(10);

        Assert.Equal(TimeSpan.FromMinutes(10), CacheDirectives.From(response.Headers, response.Content.Headers).FreshFor);
    }

    [Fact]
    public void From_InvalidExpires_MeansAlreadyExpired()
    {
        using var response = new HttpResponseMessage { Content = new ByteArrayContent([]) };
        response.Content.Headers.TryAddWithoutValidation("Expires", "0");

        Assert.Equal(TimeSpan.Zero, CacheDirectives.From(response.Headers, response.Content.Headers).FreshFor);
    }
}
