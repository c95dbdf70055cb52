using System.Text.Json.Nodes;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Checks;
using Verifier.Core.OpenBadges2.Model;

namespace Verifier.Core.OpenBadges2.Signed;

/// <summary>
/// SignedBadge Verification step 7: the assertion's id (or legacy uid) must not appear in the issuer's
/// RevocationList <c>revokedAssertions</c> (entries are id strings or objects with id or uid). 1.0 lists were an
/// object mapping uid to reason; both are read.
/// </summary>
internal static class RevocationCheck
{
    /// <param name="session">The verification.</param>
    /// <param name="hostedIssuer">The issuer Profile (hosted for 2.0; the 1.0 issuer document otherwise).</param>
    /// <param name="issuerIdentity">The URL the hosted Profile speaks for (null for 1.0, which has no Profile identity).</param>
    /// <param name="assertion">The assertion whose id (or uid) is looked up.</param>
    public static async Task RunAsync(Ob2Session session, JsonObject hostedIssuer, string? issuerIdentity, JsonObject assertion)
    {
        var checks = session.Checks;
        var assertionId = JsonRead.String(assertion, "id");
        var uid = JsonRead.String(assertion, "uid");
        var url = JsonRead.IdOf(hostedIssuer["revocationList"]);
        if (url is null)
        {
            checks.Pass(Ob2CheckIds.Revocation, "the issuer publishes no revocation list", assertionId);
            return;
        }

        var loaded = await session.LoadJsonAsync(url, Ob2CheckIds.RevocationListFetch, "revocation list", FetchKind.StatusList).ConfigureAwait(false);
        if (!loaded.IsLoaded)
        {
            return;
        }

        var list = loaded.Node!;
        var isTyped = list["revokedAssertions"] is not null || JsonRead.HasType(list, "RevocationList");
        if (!isTyped && session.Legacy)
        {
            var reason = uid is null ? null : list[uid];
            Report(session, assertionId ?? uid, url, reason is null ? null : new RevokedEntry(JsonRead.IsString(reason) ? reason.GetValue<string>() : null));
            return;
        }

        // Unknown is not false (docs/security.md rule 4): an answer that is not a revocation list — an error object, a
        // login page turned JSON — says nothing about revocation, so the status cannot be judged.
        if (!isTyped)
        {
            checks.Indeterminate(Ob2CheckIds.Revocation, $"{url} did not answer with a RevocationList (no type RevocationList and no revokedAssertions list), so whether the assertion is revoked is unknown", url);
            return;
        }

        StructureValidator.Report(checks, Ob2CheckIds.StructureRevocationList, "RevocationList", url,
            loaded.Validate("RevocationList", StructureValidator.RevocationList));
        var listIssuer = JsonRead.IdOf(list["issuer"]);
        var expected = issuerIdentity ?? JsonRead.String(hostedIssuer, "id");
        if (listIssuer is not null && !Trust.WebIdentity.SameId(listIssuer, expected) && !Trust.WebIdentity.SameDocument(listIssuer, expected))
        {
            // A list about another issuer's assertions says nothing about this one's (rule 6).
            checks.Fail(Ob2CheckIds.Revocation, $"the revocation list names issuer {listIssuer}, not the badge's issuer {expected}: it cannot vouch for this assertion", url);
            return;
        }

        Report(session, assertionId ?? uid, url, Find(list, assertionId, uid));
    }

    public sealed record RevokedEntry(string? Reason);

    /// <summary>The entry that revokes the assertion, matched by id or by legacy uid; null when none does.</summary>
    public static RevokedEntry? Find(JsonObject list, string? assertionId, string? uid)
    {
        foreach (var entry in JsonRead.Many(list["revokedAssertions"]))
        {
            if (JsonRead.IsString(entry))
            {
                if (assertionId is not null && string.Equals(entry!.GetValue<string>(), assertionId, StringComparison.Ordinal))
                {
                    return new RevokedEntry(null);
                }

                continue;
            }

            if (entry is not JsonObject o || JsonRead.Boolean(o, "revoked") == false)
            {
                continue;
            }

            var byId = assertionId is not null && string.Equals(JsonRead.String(o, "id"), assertionId, StringComparison.Ordinal);
            var byUid = uid is not null && string.Equals(JsonRead.String(o, "uid"), uid, StringComparison.Ordinal);
            if (byId || byUid)
            {
                return new RevokedEntry(JsonRead.String(o, "revocationReason"));
            }
        }

        return null;
    }

    private static void Report(Ob2Session session, string? subject, string url, RevokedEntry? entry)
    {
        if (entry is null)
        {
            session.Checks.Pass(Ob2CheckIds.Revocation, $"the assertion is not in the issuer's revocation list {url}", subject);
        }
        else
        {
            session.Checks.Fail(Ob2CheckIds.Revocation,
                $"the assertion has been revoked in {url}{(entry.Reason is null ? string.Empty : $" with reason: {entry.Reason}")}", subject);
        }
    }
}
