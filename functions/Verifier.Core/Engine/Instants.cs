using System.Globalization;

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
public static class Instants
{
    // Longer than any instant of these grammars with nine fraction digits; bounds the work on hostile input.
    private const int MaxLength = 64;

    /// <summary>
    /// An XML Schema <c>dateTimeStamp</c> (<c>YYYY-MM-DDThh:mm:ss[.fff…](Z|±hh:mm)</c>) as a UTC instant; null when it
    /// lacks seconds or the zone, uses another layout, or names no real date. Fractions beyond 100 ns are truncated.
    /// </summary>
    internal static DateTimeOffset? ParseDateTimeStamp(string? text) =>
        text is { Length: <= MaxLength } ? Read(text, dateTimeStamp: true)?.ToUniversalTime() : null;

    /// <summary>
    /// ISO 8601 extended date and time with a zone indicator (<c>YYYY-MM-DDThh:mm[:ss[.f{1,9}]](Z|±hh[[:]mm])</c>),
    /// the OB 2.0 DateTime, keeping the stated offset; null otherwise.
    /// </summary>
    internal static DateTimeOffset? ParseIso8601WithZone(string? text) =>
        text is { Length: <= MaxLength } ? Read(text, dateTimeStamp: false) : null;

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

    // One left-to-right reading of both grammars over the characters (ASCII digits only, nothing after the zone),
    // written by hand rather than as a regular expression: every credential, proof and OB 2.0 assertion has dates,
    // and a Match with its groups cost more than the rest of the parse. The fields are range-checked here, so every
    // grammar shares one meaning of a read string.
    private static DateTimeOffset? Read(ReadOnlySpan<char> s, bool dateTimeStamp)
    {
        var i = 0;
        if (!Number(s, ref i, 4, out var year) || !Literal(s, ref i, '-') || !Number(s, ref i, 2, out var month)
            || !Literal(s, ref i, '-') || !Number(s, ref i, 2, out var day) || !Literal(s, ref i, 'T')
            || !Number(s, ref i, 2, out var hour) || !Literal(s, ref i, ':') || !Number(s, ref i, 2, out var minute))
        {
            return null;
        }

        // dateTimeStamp requires seconds; the OB 2.0 DateTime makes them (and a fraction after them) optional.
        var second = 0;
        var fraction = ReadOnlySpan<char>.Empty;
        if (dateTimeStamp || (i < s.Length && s[i] == ':'))
        {
            if (!Literal(s, ref i, ':') || !Number(s, ref i, 2, out second))
            {
                return null;
            }

            if (i < s.Length && s[i] == '.')
            {
                var first = ++i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                fraction = s[first..i];
                if (fraction.Length == 0 || fraction.Length > (dateTimeStamp ? 32 : 9))
                {
                    return null;
                }
            }
        }

        var offset = TimeSpan.Zero;
        if (i < s.Length && s[i] == 'Z')
        {
            i++;
        }
        else if (i < s.Length && s[i] is '+' or '-')
        {
            var negative = s[i++] == '-';
            if (!Number(s, ref i, 2, out var offsetHours))
            {
                return null;
            }

            // dateTimeStamp: ±hh:mm. OB 2.0: ±hh, ±hhmm or ±hh:mm.
            var offsetMinutes = 0;
            if (dateTimeStamp || i < s.Length)
            {
                if ((dateTimeStamp || s[i] == ':') && !Literal(s, ref i, ':'))
                {
                    return null;
                }

                if (!Number(s, ref i, 2, out offsetMinutes))
                {
                    return null;
                }
            }

            if (offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
            {
                return null;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            offset = negative ? -offset : offset;
        }
        else
        {
            return null;
        }

        if (i != s.Length || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var ticks = 0L;
        for (var k = 0; k < 7; k++)
        {
            ticks = ticks * 10 + (k < fraction.Length ? fraction[k] - '0' : 0);
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + ticks;
        var utc = local - offset.Ticks;
        return utc < DateTime.MinValue.Ticks || utc > DateTime.MaxValue.Ticks
            ? null
            : new DateTimeOffset(local, offset);
    }

    /// <summary>Exactly <paramref name="digits"/> ASCII digits at <paramref name="i"/>, as a number.</summary>
    private static bool Number(ReadOnlySpan<char> s, ref int i, int digits, out int value)
    {
        value = 0;
        if (i + digits > s.Length)
        {
            return false;
        }

        for (var k = 0; k < digits; k++)
        {
            var c = s[i + k];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        i += digits;
        return true;
    }

    private static bool Literal(ReadOnlySpan<char> s, ref int i, char expected)
    {
        if (i < s.Length && s[i] == expected)
        {
            i++;
            return true;
        }

        return false;
    }
}
