using System.Net;

namespace Verifier.Core.Fetching;

/// <summary>
/// Resolves a host name to the addresses the connect callback checks and then connects to. A seam so tests can make
/// a name resolve to a refused address without touching real DNS.
/// </summary>
internal interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The system resolver.</summary>
internal sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
