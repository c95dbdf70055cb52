using System.Text.Json.Nodes;
using Verifier.Core.Input;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges2.Model;

/// <summary>
/// Rewrites 0.5 / 1.0 / 1.1 documents into the 2.0 shape so the same checks run on every version: Unix and
/// date-only timestamps become DateTimes, <c>verify</c> becomes <c>verification</c>, 0.5's plain recipient string
/// and embedded issuer <c>origin</c> become an IdentityObject and a Profile. Returns what it changed.
/// </summary>
internal static class LegacyUpgrader
{
    private const string V2Context = "https://w3id.org/openbadges/v2";

    public static IReadOnlyList<string> UpgradeAssertion(JsonObject a, string version, Uri? sourceUrl)
    {
        var notes = new List<string>();
        if (version == Ob2Version.V20)
        {
            return notes;
        }

        Rename(a, "issued_on", "issuedOn", notes);
        Rename(a, "verify", "verification", notes);
        UpgradeDate(a, "issuedOn", notes);
        UpgradeDate(a, "expires", notes);
        a["type"] ??= "Assertion";

        // 0.5 and malformed 1.0: "recipient" is the identity string itself, hashed when it carries an algorithm prefix.
        if (a["recipient"] is JsonValue recipient && JsonRead.IsString(recipient))
        {
            var identity = recipient.GetValue<string>();
            var hashed = identity.StartsWith("sha256$", StringComparison.OrdinalIgnoreCase) || identity.StartsWith("md5$", StringComparison.OrdinalIgnoreCase);
            var upgraded = new JsonObject { ["type"] = "email", ["hashed"] = hashed, ["identity"] = identity };
            if (JsonRead.String(a, "salt") is { } salt)
            {
                upgraded["salt"] = salt;
            }

            a["recipient"] = upgraded;
            notes.Add("recipient string upgraded to an IdentityObject");
        }

        var verification = a["verification"] as JsonObject;
        if (version == Ob2Version.V10 && a["id"] is null && verification is not null
            && JsonRead.String(verification, "type") is "hosted" or "HostedBadge" && JsonRead.String(verification, "url") is { } url)
        {
            // 1.0 hosted assertions are identified by their verify.url (the 2.0 id took over that role).
            a["id"] = url;
            notes.Add("id taken from verify.url");
        }

        if (version == Ob2Version.V05)
        {
            UpgradeV05(a, sourceUrl, notes);
        }

        if (a["badge"] is JsonObject badge)
        {
            UpgradeBadgeClass(badge, version, null, notes);
        }

        return notes;
    }

    public static void UpgradeBadgeClass(JsonObject badge, string version, Uri? fetchedFrom, List<string> notes)
    {
        if (version == Ob2Version.V20)
        {
            return;
        }

        badge["type"] ??= "BadgeClass";
        if (badge["id"] is null && fetchedFrom is not null)
        {
            badge["id"] = fetchedFrom.AbsoluteUri;
        }

        if (badge["issuer"] is JsonObject issuer)
        {
            UpgradeIssuer(issuer, version, null, notes);
        }
    }

    public static void UpgradeIssuer(JsonObject issuer, string version, Uri? fetchedFrom, List<string> notes)
    {
        if (version == Ob2Version.V20)
        {
            return;
        }

        issuer["type"] ??= "Issuer";
        if (issuer["id"] is null && fetchedFrom is not null)
        {
            issuer["id"] = fetchedFrom.AbsoluteUri;
        }

        // 0.5 issuers: origin (scheme + host) was the identity; contact was the e-mail.
        if (JsonRead.String(issuer, "origin") is { } origin)
        {
            issuer["url"] ??= origin;
            issuer["id"] ??= origin;
            notes.Add("issuer origin upgraded to url and id");
        }

        if (issuer["email"] is null && JsonRead.String(issuer, "contact") is { } contact)
        {
            issuer["email"] = contact;
        }
    }

    private static void UpgradeV05(JsonObject a, Uri? sourceUrl, List<string> notes)
    {
        // 0.5 had no verify instructions: the assertion was verified by fetching it where it was hosted.
        if (a["verification"] is null && sourceUrl is not null)
        {
            a["verification"] = new JsonObject { ["type"] = "hosted" };
            a["id"] ??= sourceUrl.AbsoluteUri;
            notes.Add("0.5 assertion verified as hosted at its source URL");
        }

        // 0.5 allowed paths relative to the issuer origin for image, criteria and evidence.
        var origin = (a["badge"] as JsonObject)?["issuer"] is JsonObject issuer ? JsonRead.String(issuer, "origin") : null;
        // 0.5 defines origin as <protocol>://<host>:<port>: only an http(s) origin is a base for the paths.
        if (WebIdentity.HttpUrl(origin) is not { } baseUri)
        {
            return;
        }

        Absolutize(a, "evidence", baseUri);
        if (a["badge"] is JsonObject badge)
        {
            Absolutize(badge, "image", baseUri);
            Absolutize(badge, "criteria", baseUri);
        }
    }

    private static void Absolutize(JsonObject node, string name, Uri baseUri)
    {
        if (JsonRead.String(node, name) is { } value && value.StartsWith('/') && Uri.TryCreate(baseUri, value, out var full))
        {
            node[name] = full.AbsoluteUri;
        }
    }

    private static void Rename(JsonObject node, string from, string to, List<string> notes)
    {
        if (node[from] is { } value && node[to] is null)
        {
            node.Remove(from);
            node[to] = value;
            notes.Add($"{from} renamed to {to}");
        }
    }

    private static void UpgradeDate(JsonObject node, string name, List<string> notes)
    {
        var raw = node[name] switch
        {
            JsonValue v when JsonRead.IsString(v) => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        };
        if (raw is null || Ob2DateTime.Parse(raw) is not null)
        {
            return;
        }

        if (Ob2DateTime.ParseLegacy(raw) is { } parsed)
        {
            node[name] = Ob2DateTime.Format(parsed);
            notes.Add($"{name} {raw} upgraded to {Ob2DateTime.Format(parsed)}");
        }
    }

    /// <summary>Adds the 2.0 context to a node that had none, so structure checks see a JSON-LD document.</summary>
    public static void EnsureContext(JsonObject node) => node["@context"] ??= V2Context;
}
