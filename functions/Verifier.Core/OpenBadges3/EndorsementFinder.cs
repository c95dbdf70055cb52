using System.Text.Json;
using Verifier.Core.Input;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// Finds embedded endorsements: <c>endorsement</c> (EndorsementCredential objects) and <c>endorsementJwt</c> (compact
/// VC-JWTs) on the credential, its issuer Profile, its Achievement and the Achievement's creator (OB 3.0 §B.1).
/// </summary>
internal static class EndorsementFinder
{
    public static List<(PayloadKind Kind, string Text, string Where)> Find(Credential credential)
    {
        var holders = new List<(JsonElement? Holder, string Path)>
        {
            (credential.Root, "credential"),
            (credential.Issuer, "issuer"),
            (credential.Achievement, "achievement"),
            (credential.Achievement is { } a && a.TryGetProperty("creator", out var creator) ? creator : null, "achievement.creator"),
        };
        var found = new List<(PayloadKind, string, string)>();
        foreach (var (holder, path) in holders)
        {
            if (holder is not { ValueKind: JsonValueKind.Object })
            {
                continue;
            }

            var objects = Credential.Items(holder, "endorsement");
            for (var i = 0; i < objects.Count; i++)
            {
                if (objects[i].ValueKind == JsonValueKind.Object)
                {
                    found.Add((PayloadKind.Json, objects[i].GetRawText(), $"{path}.endorsement[{i}]"));
                }
            }

            var jwts = Credential.Items(holder, "endorsementJwt");
            for (var i = 0; i < jwts.Count; i++)
            {
                if (jwts[i].ValueKind == JsonValueKind.String)
                {
                    found.Add((PayloadKind.Jws, jwts[i].GetString()!, $"{path}.endorsementJwt[{i}]"));
                }
            }
        }

        return found;
    }
}
