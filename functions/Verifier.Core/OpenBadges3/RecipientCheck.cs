using Verifier.Core.Engine;
using Verifier.Core.Recipients;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// OB 3.0 verification step 5 / §8.5 "Verify the Recipient Using an Identifier": the caller's known value against
/// credentialSubject.id (when both are DIDs or both http(s) URLs), then each IdentityObject whose identityType is
/// of the known value's kind ("If identifier.identityType does not match the known identifier type, skip to the
/// next identifier"), plain or hashed with its salt.
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

        var expectedKind = RecipientSyntax.Classify(expected);
        var seen = new List<string>();
        var subject = credential.Subject;
        if (Credential.Str(subject, "id") is { } id)
        {
            if (IdentityTypes.FromSubjectId(id) is { } idKind)
            {
                var result = RecipientMatcher.Compare(expected, idKind, id, hashed: false, salt: null);
                if (result == RecipientMatch.Match)
                {
                    context.Checks.Pass(Ob3CheckIds.Recipient, $"the recipient matches credentialSubject.id ({RecipientSyntax.Describe(idKind)})");
                    return;
                }

                seen.Add($"credentialSubject.id is {RecipientSyntax.Describe(idKind)}{Outcome(result)}");
            }
            else
            {
                seen.Add("credentialSubject.id is neither a DID nor an http(s) URL (not compared)");
            }
        }

        foreach (var identifier in Credential.Items(subject, "identifier"))
        {
            var hash = Credential.Str(identifier, "identityHash");
            if (hash is null)
            {
                continue;
            }

            var type = Credential.Str(identifier, "identityType");
            var kind = IdentityTypes.FromOb3(type);
            var hashed = identifier.TryGetProperty("hashed", out var h) && h.ValueKind == System.Text.Json.JsonValueKind.True;
            var result = RecipientMatcher.Compare(expected, kind, hash, hashed, Credential.Str(identifier, "salt"));
            if (result == RecipientMatch.Match)
            {
                context.Checks.Pass(Ob3CheckIds.Recipient, $"the recipient matches an identifier of type {type ?? "unknown"}{(hashed ? " (hashed)" : string.Empty)}");
                return;
            }

            seen.Add($"identifier {type ?? "(no identityType)"} is {RecipientSyntax.Describe(kind)}{Outcome(result)}");
        }

        var found = seen.Count == 0 ? "the credential names its subject by neither id nor identifier" : string.Join("; ", seen);
        context.Checks.Fail(Ob3CheckIds.Recipient,
            $"the credential is not about the given recipient, which is {RecipientSyntax.Describe(expectedKind)}: {found}");
    }

    private static string Outcome(RecipientMatch result) =>
        result == RecipientMatch.KindMismatch ? " (a different kind: not compared)" : " (no match)";
}
