using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Verifier.LinkedData.Jcs;

namespace Verifier.LinkedData.Contexts;

/// <summary>
/// Integrity pinning: a context is used only when the SHA-256 of its JCS canonical form (RFC 8785) is one of the
/// digests pinned for its URL. Otherwise a signed credential's meaning could change under its signature when a
/// context is edited (as the OB 3.0.3 context was, in place) or served by an attacker.
/// </summary>
public sealed class PinnedContextLoader(IContextLoader inner, IReadOnlyDictionary<string, string[]> pins) : IContextLoader
{
    public const string NotPinned = "context not pinned";
    public const string DigestMismatch = "context digest mismatch";

    // Digest of each loaded document, computed once per parsed document.
    private readonly ConditionalWeakTable<ContextDocument, string> digests = new();

    public async ValueTask<ContextLoadResult> LoadAsync(string url, CancellationToken cancellationToken)
    {
        if (!pins.TryGetValue(url, out var accepted))
        {
            return ContextLoadResult.Fail(NotPinned, $"context {url} is not in the pinned set");
        }

        var result = await inner.LoadAsync(url, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return result;
        }

        var digest = digests.GetValue(result.Document!, static d => Digest(d));
        if (Array.IndexOf(accepted, digest) < 0)
        {
            return ContextLoadResult.Fail(DigestMismatch, $"context {url} has digest {digest}, which is not pinned");
        }

        return result;
    }

    /// <summary>Lower-case hex SHA-256 of the JCS canonical UTF-8 form of the whole context document.</summary>
    public static string Digest(ContextDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonCanonicalizer.CanonicalizeToUtf8(document.Root)));
}
