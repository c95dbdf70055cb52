using System.Text.Json;
using Verifier.Core.Engine;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// docs/security.md rule 6: a credential attached to another — a CLR member, an endorsement, a refreshed copy — is
/// about what it is attached to. A genuine endorsement of some other badge, copied onto this one, is an endorsement
/// of something else; a genuine achievement of another person, put in someone's CLR, is not theirs.
/// </summary>
internal static class AttachedToCheck
{
    public static void Run(Credential credential, VerificationContext context)
    {
        if (context.AttachedTo is not { } attached)
        {
            return;
        }

        var problems = new List<string>(0);
        if (attached.SubjectId is { } subjectId && !Trust.WebIdentity.SameId(credential.SubjectId, subjectId))
        {
            problems.Add($"its subject is {credential.SubjectId ?? "(none)"}, not {subjectId}");
        }

        if (attached.Subject is { } expected)
        {
            var actual = SubjectOf(credential);
            if (expected.IsEmpty || !expected.Matches(actual))
            {
                problems.Add($"it is about {actual}, not about {expected}");
            }
        }

        if (attached.IssuerId is { } issuer && !Trust.WebIdentity.SameId(credential.IssuerId, issuer))
        {
            problems.Add($"it is issued by {credential.IssuerId ?? "(none)"}, not by {issuer}");
        }

        if (attached.AchievementId is { } achievement && !Trust.WebIdentity.SameId(Credential.Str(credential.Achievement, "id"), achievement))
        {
            problems.Add($"its achievement is {Credential.Str(credential.Achievement, "id") ?? "(none)"}, not {achievement}");
        }

        if (problems.Count > 0)
        {
            context.Checks.Fail(Ob3CheckIds.AttachedTo, $"as {attached.Role}, this credential must be about what it is attached to, but {string.Join("; ", problems)}", credential.Id);
        }
        else
        {
            context.Checks.Pass(Ob3CheckIds.AttachedTo, $"as {attached.Role}, this credential is about what it is attached to", credential.Id);
        }
    }

    /// <summary>credentialSubject.id, else its identifiers written as type|hashed|value|salt.</summary>
    public static SubjectIdentity SubjectOf(Credential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var identifiers = new List<string>();
        foreach (var identifier in Credential.Items(credential.Subject, "identifier"))
        {
            if (Credential.Str(identifier, "identityHash") is { } hash)
            {
                var hashed = identifier.TryGetProperty("hashed", out var h) && h.ValueKind == JsonValueKind.True;
                identifiers.Add($"{Credential.Str(identifier, "identityType")}|{hashed}|{hash}|{Credential.Str(identifier, "salt")}");
            }
        }

        return new SubjectIdentity(credential.SubjectId, identifiers);
    }
}
