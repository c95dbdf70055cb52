using Verifier.Core.Engine;
using Verifier.Core.Recipients;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// OB 3.0 verification step 5 / §8.5 "Verify the Recipient Using an Identifier": the caller's known value against
/// credentialSubject.id, then each IdentityObject (plain or hashed with its salt).
/// </summary>
internal static class RecipientCheck
{
    public static void Run(Credential credential, VerificationContext context)
    {
        var expected = context.Request.Recipient;
        if (string.IsNullOrWhiteSpace(expected))
        {
            return;
        }

        var subject = credential.Subject;
        if (Credential.Str(subject, "id") is { } id && RecipientMatcher.Matches(expected, id, hashed: false, salt: null))
        {
            context.Checks.Pass(Ob3CheckIds.Recipient, "the recipient matches credentialSubject.id");
            return;
        }

        foreach (var identifier in Credential.Items(subject, "identifier"))
        {
            var hash = Credential.Str(identifier, "identityHash");
            if (hash is null)
            {
                continue;
            }

            var hashed = identifier.TryGetProperty("hashed", out var h) && h.ValueKind == System.Text.Json.JsonValueKind.True;
            if (RecipientMatcher.Matches(expected, hash, hashed, Credential.Str(identifier, "salt")))
            {
                context.Checks.Pass(Ob3CheckIds.Recipient, $"the recipient matches an identifier of type {Credential.Str(identifier, "identityType") ?? "unknown"}");
                return;
            }
        }

        context.Checks.Fail(Ob3CheckIds.Recipient, "the credential is not about the given recipient (neither credentialSubject.id nor any identifier matches)");
    }
}
