using System.Globalization;
using System.Text.RegularExpressions;

namespace Verifier.Core.Engine;

/// <summary>
/// The instant grammars the verifier reads, one parser each, all on one strict reading of the fields. Dates decide
/// validity and expiry (docs/security.md rule 5), so none of them goes through the culture-driven
/// <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>, which reads
/// "01/02/2025", "Jan 2 2025" and zone-less times as whatever the call site's styles guess.
/// <list type="bullet">
/// <item><see cref="ParseDateTimeStamp"/>: XML Schema <c>dateTimeStamp</c> — OB 3.0 / VCDM <c>validFrom</c>,
/// <c>validUntil</c>, <c>issuanceDate</c>, <c>expirationDate</c> (OB 3.0 DateTimeZ) and Data Integrity proof
/// <c>created</c>/<c>expires</c>. Seconds and a zone are required.</item>
/// <item><see cref="ParseIso8601WithZone"/>: the OB 2.0 DateTime (ISO 8601 with a time and a zone; seconds optional,
/// compact zones allowed) behind <c>OpenBadges2.Model.Ob2DateTime</c>, which adds the 0.5–1.1 legacy forms.</item>
/// <item><see cref="ParseRequestInstant"/>: the <c>at=</c> HTTP parameter and the CLI's <c>--at</c>.</item>
/// </list>
/// </summary>
public static partial class Instants
{
    // Longer than any instant of these grammars with nine fraction digits; bounds the regex work on hostile input.
    private const int MaxLength = 64;

    /// <summary>
    /// An XML Schema <c>dateTimeStamp</c> (<c>YYYY-MM-DDThh:mm:ss[.fff…](Z|±hh:mm)</c>) as a UTC instant; null when it
    /// lacks seconds or the zone, uses another layout, or names no real date. Fractions beyond 100 ns are truncated.
    /// </summary>
    internal static DateTimeOffset? ParseDateTimeStamp(string? text) =>
        text is { Length: <= MaxLength } && DateTimeStampSyntax().Match(text) is { Success: true } m ? Build(m)?.ToUniversalTime() : null;

    /// <summary>
    /// ISO 8601 extended date and time with a zone indicator (<c>YYYY-MM-DDThh:mm[:ss[.f{1,9}]](Z|±hh[[:]mm])</c>),
    /// the OB 2.0 DateTime, keeping the stated offset; null otherwise.
    /// </summary>
    internal static DateTimeOffset? ParseIso8601WithZone(string? text) =>
        text is { Length: <= MaxLength } && Iso8601WithZoneSyntax().Match(text) is { Success: true } m ? Build(m) : null;

    /// <summary>
    /// The instant a request verifies at (<c>at=</c>, <c>--at</c>): an ISO 8601 date and time with a zone, as
    /// <see cref="ParseIso8601WithZone"/> reads it, or a bare calendar date (<c>2025-01-31</c>), which means midnight
    /// UTC. A time without a zone is refused: it would name a different instant on every host.
    /// </summary>
    public static DateTimeOffset? ParseRequestInstant(string? text)
    {
        if (ParseIso8601WithZone(text) is { } instant)
        {
            return instant;
        }

        return text is { Length: 10 } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
    }

    // The fields are read as numbers and range-checked here, so every grammar shares one meaning of a matched string.
    private static DateTimeOffset? Build(Match m)
    {
        var year = Int(m, "y");
        var month = Int(m, "mo");
        var day = Int(m, "d");
        var hour = Int(m, "h");
        var minute = Int(m, "mi");
        var second = m.Groups["s"].Success ? Int(m, "s") : 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var fraction = m.Groups["f"].Value;
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.Length > 7 ? fraction[..7] : fraction.PadRight(7, '0'), NumberStyles.None, CultureInfo.InvariantCulture);

        var offset = TimeSpan.Zero;
        if (m.Groups["oh"].Success)
        {
            var offsetHours = Int(m, "oh");
            var offsetMinutes = m.Groups["om"].Success ? Int(m, "om") : 0;
            if (offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
            {
                return null;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (m.Groups["os"].Value == "-")
            {
                offset = -offset;
            }
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + ticks;
        var utc = local - offset.Ticks;
        return utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks
            ? null
            : new DateTimeOffset(local, offset);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})T(?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(\.(?<f>[0-9]{1,32}))?(Z|(?<os>[+-])(?<oh>[0-9]{2}):(?<om>[0-9]{2}))$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DateTimeStampSyntax();

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})T(?<h>[0-9]{2}):(?<mi>[0-9]{2})(:(?<s>[0-9]{2})(\.(?<f>[0-9]{1,9}))?)?(Z|(?<os>[+-])(?<oh>[0-9]{2})(:?(?<om>[0-9]{2}))?)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Iso8601WithZoneSyntax();
}
