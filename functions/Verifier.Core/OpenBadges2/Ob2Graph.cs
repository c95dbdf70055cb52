using System.Text.Json.Nodes;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Checks;
using Verifier.Core.OpenBadges2.Model;

namespace Verifier.Core.OpenBadges2;

/// <summary>The linked documents of one badge: assertion, BadgeClass and issuer Profile.</summary>
internal sealed class Ob2Graph(JsonObject assertion)
{
    public JsonObject Assertion { get; } = assertion;

    public JsonObject? BadgeClass { get; private set; }

    private LoadedDocument? _badgeDocument;

    private LoadedDocument? _issuerDocument;

    /// <summary>The issuer used for data: fetched when referenced by IRI, embedded otherwise.</summary>
    public JsonObject? Issuer { get; private set; }

    /// <summary>The issuer Profile fetched from its id, when it was (the only source trusted for keys).</summary>
    public JsonObject? HostedIssuer { get; private set; }

    /// <summary>The URL the hosted issuer Profile was finally served from (docs/security.md rule 1): the issuer's verified identity.</summary>
    public Uri? HostedIssuerIdentity { get; private set; }

    public string? IssuerId => JsonRead.String(Issuer, "id");

    /// <summary>The URL the BadgeClass was finally served from; null when it is embedded in the assertion.</summary>
    public Uri? BadgeClassServedFrom => _badgeDocument?.ServedFrom;

    /// <summary>Loads and validates the BadgeClass and issuer. False when the graph cannot be completed.</summary>
    public async Task<bool> LoadAsync(Ob2Session session)
    {
        var checks = session.Checks;
        if (Endorsements.EndorsementRules.IsEndorsement(Assertion))
        {
            // An Endorsement names its endorser directly; there is no BadgeClass.
            return await LoadIssuerAsync(session, Assertion["issuer"], "the endorsement names no issuer (endorser)").ConfigureAwait(false);
        }

        var badgeRef = Assertion["badge"];
        var badgeId = JsonRead.IdOf(badgeRef);
        if (badgeRef is JsonObject embeddedBadge)
        {
            BadgeClass = embeddedBadge;
            checks.Pass(Ob2CheckIds.BadgeClassFetch, "the BadgeClass is embedded in the assertion", badgeId);
        }
        else if (badgeId is not null)
        {
            var loaded = await session.LoadJsonAsync(badgeId, Ob2CheckIds.BadgeClassFetch, "BadgeClass").ConfigureAwait(false);
            if (!loaded.IsLoaded)
            {
                return false;
            }

            BadgeClass = loaded.Node!;
            _badgeDocument = loaded;
            LegacyUpgrader.UpgradeBadgeClass(BadgeClass, session.Version, loaded.Identity, []);
        }
        else
        {
            checks.Fail(Ob2CheckIds.BadgeClassFetch, "the assertion names no BadgeClass (badge)");
            return false;
        }

        var legacy = session.Legacy;
        StructureValidator.Report(checks, Ob2CheckIds.StructureBadgeClass, "BadgeClass", JsonRead.String(BadgeClass, "id"),
            _badgeDocument?.Validate("BadgeClass", n => StructureValidator.BadgeClass(n, legacy)) ?? StructureValidator.BadgeClass(BadgeClass, legacy));

        return await LoadIssuerAsync(session, BadgeClass["issuer"], "the BadgeClass names no issuer").ConfigureAwait(false);
    }

    private async Task<bool> LoadIssuerAsync(Ob2Session session, JsonNode? issuerRef, string missing)
    {
        var checks = session.Checks;
        var legacy = session.Legacy;
        var issuerId = JsonRead.IdOf(issuerRef);
        if (issuerRef is JsonObject embeddedIssuer)
        {
            Issuer = embeddedIssuer;
            checks.Pass(Ob2CheckIds.IssuerFetch, "the issuer Profile is embedded", issuerId);
        }
        else if (issuerId is not null)
        {
            var loaded = await session.LoadJsonAsync(issuerId, Ob2CheckIds.IssuerFetch, "issuer Profile").ConfigureAwait(false);
            if (!loaded.IsLoaded)
            {
                return false;
            }

            Issuer = HostedIssuer = loaded.Node!;
            HostedIssuerIdentity = loaded.ServedFrom;
            _issuerDocument = loaded;
            LegacyUpgrader.UpgradeIssuer(Issuer, session.Version, loaded.Identity, []);
        }
        else
        {
            checks.Fail(Ob2CheckIds.IssuerFetch, missing);
            return false;
        }

        StructureValidator.Report(checks, Ob2CheckIds.StructureIssuer, "issuer Profile", JsonRead.String(Issuer, "id"),
            _issuerDocument?.Validate("Issuer", n => StructureValidator.Issuer(n, legacy)) ?? StructureValidator.Issuer(Issuer, legacy));
        return true;
    }

    /// <summary>
    /// The issuer Profile as its own host serves it: fetched from the issuer id when only an embedded copy is at
    /// hand. Keys and revocation lists are trusted only from here (SignedBadge Verification, step 4).
    /// </summary>
    public async Task<LoadedDocument> LoadHostedIssuerAsync(Ob2Session session)
    {
        if (HostedIssuer is not null)
        {
            return new(LoadStatus.Loaded, HostedIssuer, null, null) { Identity = HostedIssuerIdentity, ServedFrom = HostedIssuerIdentity };
        }

        var id = IssuerId;
        if (id is null)
        {
            session.Checks.Fail(Ob2CheckIds.IssuerFetch, "the embedded issuer Profile has no id to fetch it from");
            return new(LoadStatus.Failed, null, null, "no issuer id");
        }

        var loaded = await session.LoadJsonAsync(id, Ob2CheckIds.IssuerFetch, "hosted issuer Profile").ConfigureAwait(false);
        if (loaded.IsLoaded)
        {
            HostedIssuer = loaded.Node;
            HostedIssuerIdentity = loaded.ServedFrom;
            LegacyUpgrader.UpgradeIssuer(HostedIssuer!, session.Version, loaded.Identity, []);
        }

        return loaded;
    }
}
