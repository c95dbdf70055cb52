using System.Globalization;
using System.Text.RegularExpressions;
using Verifier.Core.Engine;

namespace Verifier.Core.OpenBadges2.Model;

/// <summary>
/// OB 2.0 "DateTime": an ISO 8601 string with a time and a time zone indicator (Primitive datatypes, DateTime).
/// Legacy forms (1.x Unix timestamps, date-only strings) are accepted only by <see cref="ParseLegacy"/>.
/// </summary>
internal static partial class Ob2DateTime
{
    /// <summary>Parses a 2.0 DateTime; null when it lacks a time, a zone, or is not ISO 8601.</summary>
    public static DateTimeOffset? Parse(string? value) => Instants.ParseIso8601WithZone(value);

    /// <summary>
    /// 0.5–1.1 allowed Unix timestamps (seconds) and ISO 8601 dates without a time ("2015-04-30"); both are read
    /// as UTC. Returns null when the value is neither those nor a 2.0 DateTime.
    /// </summary>
    public static DateTimeOffset? ParseLegacy(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Parse(value) is { } full)
        {
            return full;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) && unix < 253402300800)
        {
            return DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        // A date and time without a zone was common in 1.x; UTC is the only reading that is not a guess per host.
        return value.Length <= 40 && Iso8601NoZone().IsMatch(value) ? Instants.ParseIso8601WithZone(value + "Z") : null;
    }

    /// <summary>The canonical 2.0 form written by the legacy upgrade.</summary>
    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601NoZone();
}
