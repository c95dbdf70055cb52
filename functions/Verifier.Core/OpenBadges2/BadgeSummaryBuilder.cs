using System.Text.Json.Nodes;
using Verifier.Core.Input;
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
            Id = JsonRead.String(assertion, "id"),
            Kind = "Assertion",
            Name = JsonRead.String(badge, "name"),
            Description = JsonRead.String(badge, "description"),
            Image = JsonRead.IdOf(assertion["image"]) ?? JsonRead.IdOf(badge?["image"]),
            Criteria = criteria is JsonObject c ? JsonRead.String(c, "id") ?? JsonRead.String(c, "narrative") : JsonRead.IdOf(criteria),
            IssuerName = JsonRead.String(issuer, "name"),
            IssuerUrl = JsonRead.String(issuer, "url"),
            IssuerId = JsonRead.String(issuer, "id"),
            Recipient = JsonRead.String(recipient, "identity"),
            IssuedOn = Ob2DateTime.Parse(JsonRead.String(assertion, "issuedOn")),
            Expires = Ob2DateTime.Parse(JsonRead.String(assertion, "expires")),
            Evidence = Evidence(assertion["evidence"]),
        };
    }

    private static List<string>? Evidence(JsonNode? value)
    {
        var list = new List<string>();
        foreach (var item in JsonRead.Many(value))
        {
            var text = JsonRead.IdOf(item) ?? (item is JsonObject o ? JsonRead.String(o, "narrative") : null);
            if (text is not null)
            {
                list.Add(text);
            }
        }

        return list.Count == 0 ? null : list;
    }
}
