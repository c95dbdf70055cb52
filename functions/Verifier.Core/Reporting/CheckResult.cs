using System.Text.Json.Serialization;

namespace Verifier.Core.Reporting;

/// <summary>
/// The result of one check. <see cref="Indeterminate"/> marks a failure caused by something outside the badge
/// (network, timeout, 5xx): it makes the report indeterminate rather than invalid.
/// </summary>
public sealed record CheckResult(
    string Id,
    CheckOutcome Outcome,
    string Message,
    string? Subject = null)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Indeterminate { get; init; }

    /// <summary>
    /// Essential (the default, omitted in JSON) or conformance. A conformance failure is a warning under the
    /// authenticity profile — only for the check ids <see cref="CheckClasses"/> allows; every other id is essential
    /// whatever its result says.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public CheckClass Class { get; init; }

    /// <summary>Extra detail for verbose reports (canonical forms, hashes); omitted otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Details { get; init; }
}
