using System.Text.Json;

namespace Verifier.Storage.Jobs;

/// <summary>
/// The queue a job's batches travel on. Its name is fixed, not a setting: the queue-triggered function names it at
/// build time and infra/ creates it, so the three can never disagree.
/// </summary>
public static class JobQueue
{
    public const string Name = "verifier-jobs";

    /// <summary>Where the Functions host moves a message after <c>maxDequeueCount</c> failed tries (host.json).</summary>
    public const string PoisonName = Name + "-poison";
}

/// <summary>One queue message: which job, which batch, and where its items are in the normalized manifest.</summary>
public sealed record JobMessage(string Job, int Batch, int First, long Offset, int Length)
{
    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["job"] = Job, ["batch"] = Batch, ["first"] = First, ["offset"] = Offset, ["length"] = Length,
    });

    /// <summary>The message, or null when it is not one this service wrote (it would fail every retry).</summary>
    public static JobMessage? Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("job", out var job) && job.ValueKind == JsonValueKind.String && Core.Jobs.JobIds.IsValid(job.GetString())
                && root.TryGetProperty("batch", out var batch) && batch.TryGetInt32(out var b) && b >= 0
                && root.TryGetProperty("first", out var first) && first.TryGetInt32(out var f) && f >= 0
                && root.TryGetProperty("offset", out var offset) && offset.TryGetInt64(out var o) && o >= 0
                && root.TryGetProperty("length", out var length) && length.TryGetInt32(out var l) && l > 0
                ? new JobMessage(job.GetString()!, b, f, o, l)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
