namespace Verifier.Core.Tests.TestSupport;

/// <summary>
/// The engine reads both its clock and its timers (deadlines, retry backoff, fetch timeouts) from one TimeProvider.
/// Tests that pin "now" with a FakeTimeProvider still want real timers (a 503 is retried after a real backoff, a
/// hanging upstream is abandoned after a real timeout): this takes the time of day from <paramref name="clock"/> and
/// leaves timers and timestamps to the system.
/// </summary>
public sealed class ClockOnly(TimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    /// <summary>Wraps a fake clock; the system provider is returned as it is.</summary>
    public static TimeProvider For(TimeProvider time) => ReferenceEquals(time, System) || time is ClockOnly ? time : new ClockOnly(time);
}
