using System.Text.Json.Nodes;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges2;

/// <summary>The flat summary displayers show: taken from the verified documents, never from untrusted input alone.</summary>
internal static class BadgeSummaryBuilder
{
    public static BadgeSummary Build(JsonObject assertion, JsonObject? badge, JsonObject? issuer)
    {
        var recipient = assertion["recipient"] as JsonObject;
        var criteria = badge?["criteria"];
        return new BadgeSummary
        {
            Id = JsonAccess.String(assertion, "id"),
            Name = JsonAccess.String(badge, "name"),
            Description = JsonAccess.String(badge, "description"),
            Image = JsonAccess.IdOf(assertion["image"]) ?? JsonAccess.IdOf(badge?["image"]),
            Criteria = criteria is JsonObject c ? JsonAccess.String(c, "id") ?? JsonAccess.String(c, "narrative") : JsonAccess.IdOf(criteria),
            IssuerName = JsonAccess.String(issuer, "name"),
            IssuerUrl = JsonAccess.String(issuer, "url"),
            IssuerId = JsonAccess.String(issuer, "id"),
            Recipient = JsonAccess.String(recipient, "identity"),
            IssuedOn = Ob2DateTime.Parse(JsonAccess.String(assertion, "issuedOn")),
            Expires = Ob2DateTime.Parse(JsonAccess.String(assertion, "expires")),
            Evidence = Evidence(assertion["evidence"]),
        };
    }

    private static List<string>? Evidence(JsonNode? value)
    {
        var list = new List<string>();
        foreach (var item in JsonAccess.Many(value))
        {
            var text = JsonAccess.IdOf(item) ?? (item is JsonObject o ? JsonAccess.String(o, "narrative") : null);
            if (text is not null)
            {
                list.Add(text);
            }
        }

        return list.Count == 0 ? null : list;
    }
}
