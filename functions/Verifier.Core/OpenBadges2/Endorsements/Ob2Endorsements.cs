using System.Text.Json.Nodes;
using Verifier.Core.Engine;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.OpenBadges3;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges2.Endorsements;

/// <summary>
/// The <c>endorsement</c>s of an OB 2.0 badge — on the Assertion, the BadgeClass and the issuer Profile (Open Badges
/// Vocabulary) — each verified as a nested report (<c>endorsements[]</c>) by the OB 2.0 verifier itself: an IRI is a
/// hosted Endorsement, an embedded object names its hosted copy by its id, a compact JWS is a signed one. Like OB
/// 3.0 endorsements they never fail the badge (a third party's opinion), must be about what they sit on (rule 6),
/// surface their caveats at the top level, and are bounded: one level deep, at most
/// <see cref="MaxPerBadge"/> per badge.
/// </summary>
internal static class Ob2Endorsements
{
    public const int MaxPerBadge = 16;

    public static async Task RunAsync(
        Ob2Graph graph,
        VerificationContext context,
        Func<ResolvedPayload, VerificationContext, CancellationToken, Task> verify,
        CancellationToken ct)
    {
        var found = Find(graph);
        if (found.Count == 0)
        {
            return;
        }

        if (context.NestedAs is not null)
        {
            context.Checks.Skip(Ob2CheckIds.Endorsement, $"{found.Count} endorsement(s) of this {context.NestedAs} not verified: endorsements are followed one level deep");
            return;
        }

        foreach (var (holder, holderId, value) in found.Take(MaxPerBadge))
        {
            if (Payload(value) is not { } payload)
            {
                context.Checks.Warn(Ob2CheckIds.Endorsement, $"an endorsement of the {holder} is neither an IRI, an Endorsement object nor a compact JWS", holderId);
                continue;
            }

            var nested = context.Nested(
                payload.Kind == PayloadKind.Url ? VerificationInput.FromUrl(new Uri(payload.Text)) : VerificationInput.FromText(payload.Text),
                new InputInfo { Kind = "text", Format = Name(payload.Kind), EmbeddedIn = $"{holder}.endorsement", PayloadKind = Name(payload.Kind), Url = payload.SourceUrl?.AbsoluteUri },
                nestedAs: "endorsement",
                keepRecipient: false,
                new AttachedTo($"an endorsement of the {holder}") { SubjectId = holderId ?? $"(the {holder} has no id, so nothing identifies what is endorsed)" });
            await verify(payload, nested, ct).ConfigureAwait(false);
            NestedWarnings.RecordEndorsement(context, Ob2CheckIds.Endorsement, nested.ToReport(), $"{holder}.endorsement");
        }

        if (found.Count > MaxPerBadge)
        {
            context.Checks.Skip(Ob2CheckIds.Endorsement, $"{found.Count - MaxPerBadge} further endorsement(s) not verified (at most {MaxPerBadge} are)");
        }
    }

    private static List<(string Holder, string? HolderId, JsonNode Value)> Find(Ob2Graph graph)
    {
        var found = new List<(string, string?, JsonNode)>();
        void Add(string holder, JsonObject? node)
        {
            foreach (var value in JsonRead.Many(node?["endorsement"]))
            {
                if (value is not null)
                {
                    found.Add((holder, JsonRead.String(node, "id"), value));
                }
            }
        }

        Add("assertion", graph.Assertion);
        Add("BadgeClass", graph.BadgeClass);
        Add("issuer", graph.HostedIssuer ?? graph.Issuer);
        return found;
    }

    private static ResolvedPayload? Payload(JsonNode value) => value switch
    {
        JsonObject o => new ResolvedPayload(PayloadKind.Json, o.ToJsonString(), BadgeFamily.OpenBadges2),
        JsonValue v when v.TryGetValue<string>(out var s) && PayloadClassifier.LooksLikeCompactJws(s.Trim()) =>
            new ResolvedPayload(PayloadKind.Jws, s.Trim(), BadgeFamily.OpenBadges2),
        JsonValue v when v.TryGetValue<string>(out var s) && Trust.WebIdentity.HttpUrl(s) is { } url =>
            new ResolvedPayload(PayloadKind.Url, url.AbsoluteUri, BadgeFamily.OpenBadges2) { SourceUrl = url },
        _ => null,
    };

    private static string Name(PayloadKind kind) => kind switch
    {
        PayloadKind.Json => "json",
        PayloadKind.Jws => "jws",
        _ => "url",
    };
}
