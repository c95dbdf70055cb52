using System.Text.Json.Serialization;

namespace Verifier.Core.Reporting;

/// <summary>What one check concluded. Serialized in lower case (<c>passed</c>, <c>failed</c>, …).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CheckOutcome>))]
public enum CheckOutcome
{
    [JsonStringEnumMemberName("passed")] Passed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("skipped")] Skipped,
}

/// <summary>The verdict of a whole verification.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerificationOutcome>))]
public enum VerificationOutcome
{
    [JsonStringEnumMemberName("valid")] Valid,
    [JsonStringEnumMemberName("invalid")] Invalid,
    /// <summary>Could not finish for a reason outside the badge (network failure, timeout, 5xx).</summary>
    [JsonStringEnumMemberName("indeterminate")] Indeterminate,
}
