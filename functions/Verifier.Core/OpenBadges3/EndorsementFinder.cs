using System.Text.Json;
using Verifier.Core.Input;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// Finds embedded endorsements: <c>endorsement</c> (EndorsementCredential objects) and <c>endorsementJwt</c> (compact
/// VC-JWTs) on the credential, its issuer Profile, its Achievement and the Achievement's creator (OB 3.0 §B.1).
/// </summary>
internal static class EndorsementFinder
{
    /// <returns>Each endorsement with where it sits and the id of what it sits on (its subject must be that: rule 6).</returns>
    public static List<(PayloadKind Kind, string Text, string Where, string? HolderId)> Find(Credential credential)
    {
        // Most credentials carry no endorsement: look up the two names on the four holders without building lists.
        var found = new List<(PayloadKind, string, string, string?)>(0);
        var achievement = credential.Achievement;
        var creator = achievement is { } a && a.TryGetProperty("creator", out var c) ? c : (JsonElement?)null;
        Collect(credential.Root, "credential", credential.Id, found);
        Collect(credential.Issuer, "issuer", credential.IssuerId, found);
        Collect(achievement, "achievement", Credential.Str(achievement, "id"), found);
        Collect(creator, "achievement.creator", creator is { ValueKind: JsonValueKind.String } s ? s.GetString() : Credential.Str(creator, "id"), found);
        return found;
    }

    private static void Collect(JsonElement? holder, string path, string? holderId, List<(PayloadKind, string, string, string?)> found)
    {
        if (holder is not { ValueKind: JsonValueKind.Object } h)
        {
            return;
        }

        if (h.TryGetProperty("endorsement", out var objects))
        {
            var i = 0;
            foreach (var item in AsItems(objects))
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    found.Add((PayloadKind.Json, item.GetRawText(), $"{path}.endorsement[{i}]", holderId));
                }

                i++;
            }
        }

        if (h.TryGetProperty("endorsementJwt", out var jwts))
        {
            var i = 0;
            foreach (var item in AsItems(jwts))
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    found.Add((PayloadKind.Jws, item.GetString()!, $"{path}.endorsementJwt[{i}]", holderId));
                }

                i++;
            }
        }
    }

    /// <summary>As <see cref="Credential.Items"/>: an array's elements, or the value itself.</summary>
    private static IReadOnlyList<JsonElement> AsItems(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [value];
}
