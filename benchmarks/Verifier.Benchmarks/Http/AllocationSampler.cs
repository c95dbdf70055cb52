using System.Diagnostics.Tracing;

namespace Verifier.Benchmarks.Http;

/// <summary>
/// The runtime's allocation samples (GCAllocationTick, one per ~100 KB allocated) by type, in process: which types a
/// request's allocations are made of, without a profiler. "http-cpu alloc" prints them for the small-PNG handler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword; AllocationTick is verbose
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not "GCAllocationTick_V4" and not "GCAllocationTick_V3" || e.Payload is null)
        {
            return;
        }

        var name = e.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? e.Payload[i] as string ?? "?" : "?";
        var amount = e.PayloadNames!.IndexOf("AllocationAmount64") is var j and >= 0 ? Convert.ToInt64(e.Payload[j], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_gate)
        {
            _bytes[name] = _bytes.GetValueOrDefault(name) + amount;
        }
    }

    public void Print(long requests)
    {
        lock (_gate)
        {
            var total = _bytes.Values.Sum();
            Console.WriteLine($"sampled {total / 1024.0 / requests:F1} KB per request");
            foreach (var (name, bytes) in _bytes.OrderByDescending(p => p.Value).Take(40))
            {
                Console.WriteLine($"{bytes / (double)requests,8:F0} B  {name}");
            }
        }
    }
}
