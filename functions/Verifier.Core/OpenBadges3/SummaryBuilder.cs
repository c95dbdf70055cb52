using System.Text.Json;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges3;

/// <summary>Flattens a credential into the report's <see cref="BadgeSummary"/> for displayers.</summary>
internal static class SummaryBuilder
{
    public static BadgeSummary Build(Credential credential, DateTimeOffset? jwtExp)
    {
        var achievement = credential.Achievement;
        var issuer = credential.Issuer is { ValueKind: JsonValueKind.Object } i ? i : (JsonElement?)null;
        var subject = credential.Subject;
        var criteria = achievement is { } a && a.TryGetProperty("criteria", out var c) ? c : (JsonElement?)null;
        return new BadgeSummary
        {
            Id = credential.Id,
            Name = Credential.Str(achievement, "name") ?? Credential.Str(credential.Root, "name"),
            Description = Credential.Str(achievement, "description") ?? Credential.Str(credential.Root, "description"),
            Image = ImageOf(achievement) ?? ImageOf(credential.Root),
            Criteria = Credential.Str(criteria, "id") ?? Credential.Str(criteria, "narrative"),
            IssuerName = Credential.Str(issuer, "name"),
            IssuerUrl = Credential.Str(issuer, "url"),
            IssuerId = credential.IssuerId,
            Recipient = credential.SubjectId ?? FirstIdentityHash(subject),
            IssuedOn = credential.ValidFrom.Value,
            Expires = credential.ValidUntil.Value ?? jwtExp,
            Evidence = Evidence(credential.Root),
        };
    }

    private static string? ImageOf(JsonElement? holder) =>
        holder is { ValueKind: JsonValueKind.Object } h && h.TryGetProperty("image", out var image)
            ? image.ValueKind == JsonValueKind.String ? image.GetString() : Credential.Str(image, "id")
            : null;

    private static string? FirstIdentityHash(JsonElement? subject)
    {
        foreach (var identifier in Credential.Items(subject, "identifier"))
        {
            if (Credential.Str(identifier, "identityHash") is { } hash)
            {
                return hash;
            }
        }

        return null;
    }

    private static List<string>? Evidence(JsonElement root)
    {
        // Loops, not LINQ: the summary is built for every verification.
        List<string>? list = null;
        foreach (var e in Credential.Items(root, "evidence"))
        {
            if ((e.ValueKind == JsonValueKind.String ? e.GetString() : Credential.Str(e, "id") ?? Credential.Str(e, "narrative")) is { } text)
            {
                (list ??= []).Add(text);
            }
        }

        return list;
    }
}
