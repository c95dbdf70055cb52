using System.Net.Http.Headers;

namespace Verifier.Core.Fetching;

/// <summary>
/// The freshness a response allows a shared cache (RFC 9111). The verifier is a shared cache: many users' requests
/// see the same entry, so <c>private</c> is treated like <c>no-store</c>, and <c>s-maxage</c> wins over
/// <c>max-age</c> (§5.2.2.10). <c>no-cache</c> would require revalidation on every use; the verifier does not send
/// conditional requests, so it does not store such responses at all.
/// </summary>
/// <param name="NoStore">True when the response must not be reused.</param>
/// <param name="FreshFor">Explicit freshness lifetime left, or null when the response gives none.</param>
public sealed record CacheDirectives(bool NoStore, TimeSpan? FreshFor)
{
    public static CacheDirectives From(HttpResponseHeaders headers, HttpContentHeaders? content)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var cc = headers.CacheControl;
        if (cc is not null && (cc.NoStore || cc.NoCache || cc.Private))
        {
            return new(true, null);
        }

        // §4.2.3: the age the response already has (the Age header) is spent from its lifetime.
        var age = headers.Age ?? TimeSpan.Zero;
        TimeSpan? lifetime = cc?.SharedMaxAge ?? cc?.MaxAge;
        if (lifetime is null && content is not null && content.Contains("Expires"))
        {
            // §5.3: Expires relative to the server's Date (not our clock, which may disagree with the server's); an
            // invalid date such as "0" means already expired.
            lifetime = content.Expires is { } expires && headers.Date is { } date ? expires - date : TimeSpan.Zero;
        }

        if (lifetime is null)
        {
            return new(false, null);
        }

        var left = lifetime.Value - age;
        return new(false, left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }
}
