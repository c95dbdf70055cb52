namespace Verifier.Core.Jobs;

/// <summary>Job ids are 32 lower-case hex digits (a GUID without hyphens): safe in blob names and URLs, checked before any lookup.</summary>
public static class JobIds
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string? id) =>
        id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
