using System.Net;
using Verifier.Core.Fetching;

namespace Verifier.TestSupport;

/// <summary>A resolver for which no host name resolves (HostNotFound): the engine as on a machine offline, reproducibly.</summary>
public sealed class NoDnsResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
}
