using System.Globalization;
using Verifier.Core.Engine;
using Verifier.Core.OpenBadges2.Model;

namespace Verifier.Core.Tests.Engine;

/// <summary>One table of accepted and refused strings per instant grammar (Instants, Ob2DateTime).</summary>
public class InstantsTests
{
    private static string Utc(DateTimeOffset? value) =>
        value!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // XML Schema dateTimeStamp: OB 3.0 validFrom/validUntil/issuanceDate/expirationDate, proof created/expires.
    [Theory]
    [InlineData("2025-01-02T03:04:05Z", "2025-01-02T03:04:05.0000000Z")]
    [InlineData("2025-01-02T03:04:05+02:00", "2025-01-02T01:04:05.0000000Z")]
    [InlineData("2025-01-02T03:04:05-14:00", "2025-01-02T17:04:05.0000000Z")]
    [InlineData("2025-01-02T03:04:05.5Z", "2025-01-02T03:04:05.5000000Z")]
    [InlineData("2025-01-02T03:04:05.123456789123Z", "2025-01-02T03:04:05.1234567Z")]
    [InlineData("2024-02-29T23:59:59Z", "2024-02-29T23:59:59.0000000Z")]
    public void DateTimeStamp_Accepts(string text, string utc)
    {
        var parsed = Instants.ParseDateTimeStamp(text);
        Assert.Equal(utc, Utc(parsed));
        Assert.Equal(TimeSpan.Zero, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData("01/02/2025")]
    [InlineData("Jan 2 2025 03:04:05Z")]
    [InlineData("2025-01-02")]
    [InlineData("2025-01-02T03:04:05")]
    [InlineData("2025-01-02T03:04Z")]
    [InlineData("2025-01-02 03:04:05Z")]
    [InlineData("2025-01-02t03:04:05z")]
    [InlineData("2025-01-02T03:04:05+0200")]
    [InlineData("2025-01-02T03:04:05+02")]
    [InlineData("2025-01-02T03:04:05+14:01")]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2025-13-01T00:00:00Z")]
    [InlineData("2025-01-02T24:00:00Z")]
    [InlineData("2025-01-02T03:60:00Z")]
    [InlineData("2025-01-02T03:04:60Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("1735787045")]
    [InlineData("٢٠٢٥-01-02T03:04:05Z")]
    [InlineData(" 2025-01-02T03:04:05Z")]
    [InlineData("2025-01-02T03:04:05Z ")]
    [InlineData("2025-01-02T03:04:05Z\n")]
    [InlineData("2025-01-02T03:04:05.Z")]
    [InlineData("2025-01-02T03:04:05+02:")]
    [InlineData("")]
    [InlineData(null)]
    public void DateTimeStamp_Rejects(string? text) => Assert.Null(Instants.ParseDateTimeStamp(text));

    // OB 2.0 DateTime: ISO 8601 with a time and a zone; seconds optional, compact zones allowed; the offset is kept.
    [Theory]
    [InlineData("2016-12-31T23:59:59Z", "2016-12-31T23:59:59.0000000Z")]
    [InlineData("2016-12-31T18:59:59-05:00", "2016-12-31T23:59:59.0000000Z")]
    [InlineData("2016-12-31T18:59:59-0500", "2016-12-31T23:59:59.0000000Z")]
    [InlineData("2016-12-31T18:59:59-05", "2016-12-31T23:59:59.0000000Z")]
    [InlineData("2016-12-31T23:59Z", "2016-12-31T23:59:00.0000000Z")]
    [InlineData("2016-12-31T23:59:59.123456789Z", "2016-12-31T23:59:59.1234567Z")]
    public void Ob2DateTime_Accepts(string text, string utc) => Assert.Equal(utc, Utc(Ob2DateTime.Parse(text)));

    [Fact]
    public void Ob2DateTime_KeepsTheStatedOffset() =>
        Assert.Equal(TimeSpan.FromHours(-5), Ob2DateTime.Parse("2016-12-31T18:59:59-05:00")!.Value.Offset);

    [Theory]
    [InlineData("01/02/2025")]
    [InlineData("2016-12-31T23:59:59")]
    [InlineData("2016-12-31")]
    [InlineData("1482969599")]
    [InlineData("2016-12-31T23:59:59.1234567891Z")]
    [InlineData("2016-02-30T00:00:00Z")]
    [InlineData("2016-12-31T23:59:59+15:00")]
    [InlineData("2016-12-31T23:59:59+05:60")]
    [InlineData("2016-12-31 23:59:59Z")]
    [InlineData("2016-12-31T23:59:59Z\n")]
    [InlineData("2016-12-31T23:59:59-05:")]
    [InlineData("2016-12-31T23:59.5Z")]
    public void Ob2DateTime_Rejects(string text) => Assert.Null(Ob2DateTime.Parse(text));

    // OB 0.5–1.1 legacy forms, read as UTC, only through ParseLegacy.
    [Theory]
    [InlineData("1500423730", "2017-07-19T00:22:10.0000000Z")]
    [InlineData("2015-04-30", "2015-04-30T00:00:00.0000000Z")]
    [InlineData("2015-04-30T10:00:00", "2015-04-30T10:00:00.0000000Z")]
    [InlineData("2015-04-30T10:00:00-02:00", "2015-04-30T12:00:00.0000000Z")]
    public void Ob2Legacy_Accepts(string text, string utc) => Assert.Equal(utc, Utc(Ob2DateTime.ParseLegacy(text)));

    [Theory]
    [InlineData("01/02/2025")]
    [InlineData("-1500423730")]
    [InlineData("April 30, 2015")]
    public void Ob2Legacy_Rejects(string text) => Assert.Null(Ob2DateTime.ParseLegacy(text));

    // at= and --at: an instant with a zone, or a calendar date meaning midnight UTC.
    [Theory]
    [InlineData("2025-01-31T12:00:00Z", "2025-01-31T12:00:00.0000000Z")]
    [InlineData("2025-01-31T12:00:00+01:00", "2025-01-31T11:00:00.0000000Z")]
    [InlineData("2025-01-31T12:00Z", "2025-01-31T12:00:00.0000000Z")]
    [InlineData("2025-01-31", "2025-01-31T00:00:00.0000000Z")]
    public void RequestInstant_Accepts(string text, string utc) => Assert.Equal(utc, Utc(Instants.ParseRequestInstant(text)));

    [Theory]
    [InlineData("01/02/2025")]
    [InlineData("yesterday")]
    [InlineData("soon")]
    [InlineData("2025-01-31T12:00:00")]
    [InlineData("2025-01-31 12:00:00Z")]
    [InlineData("1738324800")]
    [InlineData("2025-02-30")]
    [InlineData("")]
    [InlineData(null)]
    public void RequestInstant_Rejects(string? text) => Assert.Null(Instants.ParseRequestInstant(text));
}
