using System.Text.Json.Nodes;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;

namespace Verifier.Core.OpenBadges2.Signed;

/// <summary>A key the issuer Profile authorizes: its id and, when the Profile embeds it, the embedded document.</summary>
internal sealed record ListedKey(string Id, JsonObject? Embedded);

/// <summary>
/// Which keys may be tried (SignedBadge Verification, step 4): a <c>creator</c> must be listed in the hosted issuer's
/// <c>publicKey</c>; without one, every listed key is tried. Keys named anywhere else are never trusted.
/// </summary>
internal static class KeySelection
{
    public static IReadOnlyList<ListedKey> Listed(JsonObject hostedIssuer)
    {
        var keys = new List<ListedKey>();
        foreach (var entry in JsonRead.Many(hostedIssuer["publicKey"]))
        {
            var id = JsonRead.IdOf(entry);
            if (id is not null)
            {
                keys.Add(new ListedKey(id, entry as JsonObject));
            }
        }

        return keys;
    }

    /// <summary>The candidates to try, or an error explaining why none may be.</summary>
    public static IReadOnlyList<ListedKey> Candidates(JsonObject hostedIssuer, string? creator, out string? error)
    {
        error = null;
        var listed = Listed(hostedIssuer);
        var issuerId = JsonRead.String(hostedIssuer, "id");
        if (creator is not null)
        {
            var match = listed.FirstOrDefault(k => string.Equals(k.Id, creator, StringComparison.Ordinal));
            if (match is null)
            {
                error = listed.Count == 0
                    ? $"the signing key {creator} is not authorized: the hosted issuer Profile {issuerId} lists no publicKey"
                    : $"the signing key {creator} is not listed in the hosted issuer Profile {issuerId} publicKey ({string.Join(", ", listed.Select(k => k.Id))})";
                return [];
            }

            return [match];
        }

        if (listed.Count == 0)
        {
            error = $"the assertion names no creator key and the hosted issuer Profile {issuerId} lists no publicKey";
        }

        return listed;
    }
}
