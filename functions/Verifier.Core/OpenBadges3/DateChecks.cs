using Verifier.Core.Engine;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// OB 3.0 verification step 4: before validFrom (issuanceDate) the credential is not yet valid; after validUntil
/// (expirationDate, or a JWT exp) it is expired. Judged at <see cref="VerificationContext.Now"/> with the configured skew.
/// </summary>
internal static class DateChecks
{
    public static void Run(Credential credential, DateTimeOffset? jwtExp, VerificationContext context)
    {
        var now = context.Now;
        var skew = context.Options.ClockSkew;
        var (from, fromRaw, fromName) = credential.ValidFrom;
        if (from is null && fromRaw is not null)
        {
            context.Checks.Fail(Ob3CheckIds.ValidFrom, $"{fromName} is not an XML Schema dateTime string ({fromRaw}): when the credential became valid cannot be told");
        }
        else if (from is { } f)
        {
            // Compare against now ± skew: a date at the edge of the calendar must not overflow.
            if (f > Shift(now, skew))
            {
                context.Checks.Fail(Ob3CheckIds.ValidFrom, $"not yet valid: {fromName} is {fromRaw}, after {now:O}");
            }
            else
            {
                context.Checks.Pass(Ob3CheckIds.ValidFrom, $"valid from {fromRaw}");
            }
        }

        var (until, untilRaw, untilName) = credential.ValidUntil;
        var expires = Earliest(until, jwtExp);
        if (until is null && untilRaw is not null)
        {
            // Unreadable is not "never expires": an array or a value object could carry a past date.
            context.Checks.Fail(Ob3CheckIds.ValidUntil, $"{untilName} is not an XML Schema dateTime string ({untilRaw}): whether the credential expired cannot be told");
        }
        else if (expires is { } e)
        {
            var label = until is not null && e == until ? $"{untilName} {untilRaw}" : $"the JWT exp {e:O}";
            if (e < Shift(now, -skew))
            {
                context.Checks.Fail(Ob3CheckIds.ValidUntil, $"expired: {label} is before {now:O}");
            }
            else
            {
                context.Checks.Pass(Ob3CheckIds.ValidUntil, $"not expired ({label})");
            }
        }
    }

    /// <summary><paramref name="instant"/> moved by <paramref name="by"/>, clamped to the calendar (an "as of" 9999-12-31 must not overflow).</summary>
    public static DateTimeOffset Shift(DateTimeOffset instant, TimeSpan by)
    {
        var ticks = instant.UtcTicks + by.Ticks;
        return ticks <= DateTimeOffset.MinValue.UtcTicks ? DateTimeOffset.MinValue
            : ticks >= DateTimeOffset.MaxValue.UtcTicks ? DateTimeOffset.MaxValue
            : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    public static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
