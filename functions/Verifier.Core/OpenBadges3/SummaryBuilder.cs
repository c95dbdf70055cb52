using System.Text.Json;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges3;

/// <summary>Flattens a credential into the report's <see cref="BadgeSummary"/> for displayers.</summary>
internal static class SummaryBuilder
{
    /// <param name="credential">The credential as verified.</param>
    /// <param name="jwtExp">The VC-JWT's exp, when the credential came in one.</param>
    /// <param name="kind">Its recognised type (StructureChecks.CheckType); for a status list the subject is the list, not a recipient.</param>
    public static BadgeSummary Build(Credential credential, DateTimeOffset? jwtExp, string? kind)
    {
        var isList = StatusListCredentialChecks.IsKind(kind);
        var subject = credential.Subject;
        var achievement = credential.Achievement;

        // A member that is present but unreadable (["Teamwork"] is JSON-LD for "Teamwork", so a proof still holds)
        // withholds the value; it never lets the summary fall back to another value of the credential (rule 5).
        var achievementPresent = achievement is not null || (subject is { } s && s.TryGetProperty("achievement", out _));
        var issuer = credential.Issuer is { ValueKind: JsonValueKind.Object } i ? i : (JsonElement?)null;
        var criteria = achievement is { } a && a.TryGetProperty("criteria", out var c) ? c : (JsonElement?)null;
        return new BadgeSummary
        {
            Id = credential.Id,
            Kind = kind,
            Name = Either(achievement, achievementPresent, credential.Root, "name"),
            Description = Either(achievement, achievementPresent, credential.Root, "description"),
            Image = achievementPresent && (achievement is null || Has(achievement, "image")) ? ImageOf(achievement) : ImageOf(credential.Root),
            Criteria = Has(criteria, "id") ? Credential.Str(criteria, "id") : Credential.Str(criteria, "narrative"),
            IssuerName = Credential.Str(issuer, "name"),
            IssuerUrl = Credential.Str(issuer, "url"),
            IssuerId = credential.IssuerId,
            Recipient = isList ? null : Has(subject, "id") ? credential.SubjectId : FirstIdentityHash(subject),
            IssuedOn = credential.ValidFrom.Value,
            Expires = credential.ValidUntil.Value ?? jwtExp,
            Evidence = Evidence(credential.Root),
        };
    }

    /// <summary>The achievement's value when it has the member (or cannot be read), else the credential's.</summary>
    private static string? Either(JsonElement? achievement, bool achievementPresent, JsonElement root, string name) =>
        achievementPresent && (achievement is null || Has(achievement, name)) ? Credential.Str(achievement, name) : Credential.Str(root, name);

    private static bool Has(JsonElement? holder, string name) => holder is { ValueKind: JsonValueKind.Object } h && h.TryGetProperty(name, out _);

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
