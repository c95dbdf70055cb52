using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verifier.Core.Batch;
using Verifier.Core.Engine;
using Verifier.Core.Reporting;

namespace Verifier.Storage.Jobs;

/// <summary>A job as created (<c>{id}/job.json</c>): its size, how it was cut, and the options every item is verified with.</summary>
public sealed record JobRecord(string Id, DateTimeOffset Created, int Items, int Batches, int BatchSize, BatchRequest Request)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["id"] = Id,
        ["created"] = Created.ToString("O", CultureInfo.InvariantCulture),
        ["items"] = Items,
        ["batches"] = Batches,
        ["batchSize"] = BatchSize,
        ["policy"] = Request.Policy is { } policy ? IssuerPolicyNames.Name(policy) : null,
        ["at"] = Request.At?.ToString("O", CultureInfo.InvariantCulture),
        ["verbose"] = Request.Verbose,
        ["requireKnownIssuer"] = Request.RequireKnownIssuer,
        ["profile"] = Request.Profile is { } profile ? VerificationProfileNames.Name(profile) : null,
    });

    /// <summary>The record, or null when the blob is not one this service wrote.</summary>
    public static JobRecord? Parse(ReadOnlyMemory<byte> json, int parallelism)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            int? Number(string name) => root.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : null;
            bool? Flag(string name) => root.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

            if (root.ValueKind != JsonValueKind.Object || Text("id") is not { } id || Text("created") is not { } created
                || Number("items") is not { } items || Number("batches") is not { } batches || Number("batchSize") is not { } batchSize)
            {
                return null;
            }

            DateTimeOffset? at = Text("at") is { } a ? DateTimeOffset.Parse(a, CultureInfo.InvariantCulture) : null;
            var request = new BatchRequest(parallelism, IssuerPolicyNames.Parse(Text("policy")), at, Flag("verbose") ?? false, Flag("requireKnownIssuer"))
            {
                Profile = Text("profile") is { } profile ? VerificationProfileNames.Parse(profile) : null,
            };
            return new JobRecord(id, DateTimeOffset.Parse(created, CultureInfo.InvariantCulture), items, batches, batchSize, request);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }
}
